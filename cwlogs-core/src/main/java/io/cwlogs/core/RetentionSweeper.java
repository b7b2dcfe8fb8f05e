package io.cwlogs.core;

import io.cwlogs.core.spi.PurgeResult;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Removes events that a log group's retention policy has expired, and keeps storedBytes right.
 *
 * <p>AWS deletes expired events some time after they expire, not at once; one sweep walks every tenant's
 * groups with a retention policy and range-deletes each stream's events older than the cut-off, under the
 * stream's lock so the stream document and its events change together.
 */
public final class RetentionSweeper implements Runnable {

  private static final Logger LOG = LoggerFactory.getLogger(RetentionSweeper.class);

  private final Catalog catalog;
  private final StreamLocks locks;
  private final LongSupplier clock;

  public RetentionSweeper(Catalog catalog, StreamLocks locks, LongSupplier clock) {
    this.catalog = catalog;
    this.locks = locks;
    this.clock = clock;
  }

  @Override
  public void run() {
    try {
      sweep();
    } catch (RuntimeException e) {
      LOG.warn("retention sweep failed; it runs again at the next interval", e);
    }
  }

  /** One pass over every group; returns the number of events removed. */
  public long sweep() {
    long removed = 0;
    long now = clock.getAsLong();
    for (Tenant tenant : catalog.tenants()) {
      java.util.List<LogGroupMeta> groups = new java.util.ArrayList<>();
      catalog.forEachGroup(tenant, g -> {
        if (g.retentionInDays() > 0) {
          groups.add(g);
        }
      });
      for (LogGroupMeta group : groups) {
        long cutoff = now - group.retentionInDays() * 86_400_000L;
        java.util.List<LogStreamMeta> streams = new java.util.ArrayList<>();
        catalog.forEachStream(tenant, group.id(), s -> {
          if (s.hasEvents() && s.firstEventTimestamp() < cutoff) {
            streams.add(s);
          }
        });
        for (LogStreamMeta stream : streams) {
          removed += locks.call(stream.key(), () -> purge(tenant, group, stream.name(), cutoff));
        }
      }
    }
    return removed;
  }

  private long purge(Tenant tenant, LogGroupMeta group, String streamName, long cutoff) {
    return catalog.findStream(tenant, group, streamName).map(stream -> {
      PurgeResult result = catalog.store().deleteBefore(stream.key(), cutoff);
      if (result.events() > 0) {
        LogStreamMeta updated = stream.withRemoved(result.events(), result.messageBytes());
        if (updated.hasEvents() && updated.firstEventTimestamp() < cutoff) {
          updated = withFirst(updated, cutoff);
        }
        catalog.saveStream(tenant, updated);
      }
      return result.events();
    }).orElse(0L);
  }

  /** The first remaining event is at or after the cut-off; the exact value is read back from storage. */
  private LogStreamMeta withFirst(LogStreamMeta s, long cutoff) {
    long first = cutoff;
    try (var scan = catalog.store().scan(s.key(), io.cwlogs.core.spi.ScanRange.forward(cutoff, Long.MAX_VALUE))) {
      if (scan.hasNext()) {
        first = scan.next().timestamp();
      }
    }
    return s.withFirstEventTimestamp(first);
  }
}
