package io.cwlogs.client;

import java.time.Duration;

/**
 * The limits one PutLogEvents batch must respect; {@link #service()} gives the service's own.
 *
 * <p>A shipper may choose smaller batches (lower latency, smaller requests), never larger ones.
 *
 * @param maxEvents most events per batch, at most {@link Limits#MAX_BATCH_EVENTS}
 * @param maxBytes most bytes per batch counting 26 per event, at most {@link Limits#MAX_BATCH_BYTES}
 * @param maxSpan longest first-to-last timestamp span, at most {@link Limits#MAX_BATCH_SPAN}
 */
public record BatchRules(int maxEvents, int maxBytes, Duration maxSpan) {
  public BatchRules {
    if (maxEvents < 1 || maxEvents > Limits.MAX_BATCH_EVENTS) {
      throw new IllegalArgumentException("maxEvents out of range: " + maxEvents);
    }
    if (maxBytes < 1 || maxBytes > Limits.MAX_BATCH_BYTES) {
      throw new IllegalArgumentException("maxBytes out of range: " + maxBytes);
    }
    if (maxSpan.isNegative() || maxSpan.compareTo(Limits.MAX_BATCH_SPAN) > 0) {
      throw new IllegalArgumentException("maxSpan out of range: " + maxSpan);
    }
  }

  /** The service's limits: 10,000 events, 1,048,576 bytes, 24 hours. */
  public static BatchRules service() {
    return new BatchRules(Limits.MAX_BATCH_EVENTS, Limits.MAX_BATCH_BYTES, Limits.MAX_BATCH_SPAN);
  }
}
