package io.cwlogs.core;

import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongSupplier;

/** Counters of subscription delivery, for {@code /metrics} in Prometheus text format. */
public final class DeliveryMetrics {

  final LongAdder deliveries = new LongAdder();
  final LongAdder deliveredEvents = new LongAdder();
  final LongAdder failures = new LongAdder();
  final LongAdder droppedEvents = new LongAdder();
  /** Ingestion-to-delivery time of the last delivery, ms. */
  final AtomicLong lastLagMillis = new AtomicLong();
  private volatile LongSupplier pending = () -> 0;

  void pendingEvents(LongSupplier supplier) {
    this.pending = supplier;
  }

  public long deliveredEvents() {
    return deliveredEvents.sum();
  }

  public long failures() {
    return failures.sum();
  }

  public String prometheusText() {
    StringBuilder out = new StringBuilder();
    counter(out, "cwlogs_subscription_deliveries_total", "Subscription payloads accepted by their destination.", deliveries.sum());
    counter(out, "cwlogs_subscription_delivered_events_total", "Log events delivered by subscription filters.", deliveredEvents.sum());
    counter(out, "cwlogs_subscription_delivery_failures_total", "Failed delivery attempts (each is retried with backoff).", failures.sum());
    counter(out, "cwlogs_subscription_dropped_events_total", "Events given up on: destination gone, or failing for 24 hours.", droppedEvents.sum());
    gauge(out, "cwlogs_subscription_pending_events", "Matching-candidate events queued in memory for delivery.", pending.getAsLong());
    out.append("# HELP cwlogs_subscription_lag_seconds Ingestion-to-delivery time of the latest delivery.\n")
        .append("# TYPE cwlogs_subscription_lag_seconds gauge\n")
        .append(String.format(Locale.ROOT, "cwlogs_subscription_lag_seconds %.3f%n", lastLagMillis.get() / 1000.0));
    return out.toString();
  }

  private static void counter(StringBuilder out, String name, String help, long value) {
    out.append("# HELP ").append(name).append(' ').append(help).append('\n');
    out.append("# TYPE ").append(name).append(" counter\n").append(name).append(' ').append(value).append('\n');
  }

  private static void gauge(StringBuilder out, String name, String help, long value) {
    out.append("# HELP ").append(name).append(' ').append(help).append('\n');
    out.append("# TYPE ").append(name).append(" gauge\n").append(name).append(' ').append(value).append('\n');
  }
}
