package io.cwlogs.core;

import io.cwlogs.core.spi.StoredEvent;
import io.cwlogs.filter.MetricSample;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs every ingested event through its log group's metric filters and records the samples in a
 * {@link MetricStore}, bucketed by the event's own timestamp minute, as CloudWatch does.
 *
 * <p>Unlike subscription delivery this works on the ingesting thread, before PutLogEvents answers: it
 * is bounded CPU work on memory (the matcher, then a per-series lock), with no I/O except loading a
 * group's filters into the {@link MetricFilterCache} once. That makes metrics readable as soon as the
 * put returns. Filters only see events that arrive after they were put, as AWS documents, because
 * nothing replays stored events through them.
 *
 * <p>defaultValue: for a filter with one, every event of the group counts as a match or a non-match for
 * its minute; a minute with events but no match reports the default once ({@link MinuteBucket}).
 */
public final class MetricEmitter implements IngestListener {

  private static final Logger LOG = LoggerFactory.getLogger(MetricEmitter.class);

  private final MetricFilterCache filters;
  private final MetricStore store;

  MetricEmitter(MetricFilterCache filters, MetricStore store) {
    this.filters = filters;
    this.store = store;
  }

  public MetricStore store() {
    return store;
  }

  /**
   * The events are already stored when this runs: a failure here must not fail the PutLogEvents that
   * stored them (the client would retry and duplicate them), so it is logged and the batch's metrics lost.
   */
  @Override
  public void onAppended(Tenant tenant, LogGroupMeta group, LogStreamMeta stream, List<StoredEvent> events) {
    try {
      emit(tenant, group, events);
    } catch (RuntimeException e) {
      LOG.error("metric filters of log group {} failed on a batch of {} events", group.name(), events.size(), e);
    }
  }

  private void emit(Tenant tenant, LogGroupMeta group, List<StoredEvent> events) {
    List<MetricFilterCache.Compiled> compiled = filters.filters(tenant, group.id());
    if (compiled.isEmpty()) {
      return;
    }
    for (MetricFilterCache.Compiled f : compiled) {
      MetricFilterDoc.Transformation t = f.transformation();
      MetricSeriesKey plain = MetricSeriesKey.of(tenant, t.metricNamespace(), t.metricName(), Map.of());
      for (StoredEvent e : events) {
        byte[] m = e.message();
        Optional<MetricSample> sample = f.extractor().extract(m, 0, m.length);
        sample.ifPresent(s -> store.sample(
            s.dimensions().isEmpty() ? plain : MetricSeriesKey.of(tenant, t.metricNamespace(), t.metricName(), s.dimensions()),
            t.unit(), e.timestamp(), s.value()));
        if (t.hasDefault()) {
          // A default never goes with dimensions (PutMetricFilter refuses that), so its series is plain.
          boolean matched = sample.isPresent() || f.extractor().pattern().matches(m, 0, m.length);
          store.defaultOutcome(plain, t.unit(), e.timestamp(), f.id(), matched, t.defaultValue());
        }
      }
    }
  }
}
