package io.cwlogs.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The in-memory side of metric emission: minutes, defaults, retention, the series cap, Prometheus text. */
class MetricEmissionStoreTest {

  static final long MINUTE = 60_000;
  static final Tenant TENANT = new Tenant("123456789012", "eu-west-1");
  static final MetricSeriesKey ERRORS = MetricSeriesKey.of(TENANT, "App", "Errors", Map.of());

  final AtomicLong now = new AtomicLong(1_000 * MINUTE + 30_000);
  final MetricStore store = new MetricStore(now::get, 3);

  MetricSeries only() {
    List<MetricSeries> all = store.find(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
    assertThat(all).hasSize(1);
    return all.get(0);
  }

  @Test
  void samplesAggregatePerEventTimeMinute() {
    store.sample(ERRORS, "Count", 990 * MINUTE + 1, 3);
    store.sample(ERRORS, "Count", 990 * MINUTE + 59_999, -1);
    store.sample(ERRORS, "Count", 991 * MINUTE, 2);
    assertThat(only().points()).containsExactly(
        new MetricPoint(990 * MINUTE, 2, 2, -1, 3), new MetricPoint(991 * MINUTE, 2, 1, 2, 2));
    assertThat(only().totalSum()).isEqualTo(4);
    assertThat(only().totalCount()).isEqualTo(3);
  }

  @Test
  void aDefaultIsReportedOncePerMinuteAndWithdrawnByALaterMatch() {
    long m = 995 * MINUTE;
    store.defaultOutcome(ERRORS, "Count", m, "g/a", false, 0);
    store.defaultOutcome(ERRORS, "Count", m + 1, "g/a", false, 0);
    assertThat(only().points()).containsExactly(new MetricPoint(m, 0, 1, 0, 0));
    store.sample(ERRORS, "Count", m + 2, 1);
    store.defaultOutcome(ERRORS, "Count", m + 2, "g/a", true, 0);
    store.defaultOutcome(ERRORS, "Count", m + 3, "g/a", false, 0);
    assertThat(only().points()).containsExactly(new MetricPoint(m, 1, 1, 1, 1));
  }

  @Test
  void defaultsOfTwoFiltersOnOneMetricAreSeparate() {
    long m = 995 * MINUTE;
    store.defaultOutcome(ERRORS, "Count", m, "g/a", false, 5);
    store.defaultOutcome(ERRORS, "Count", m, "g/b", false, 0);
    assertThat(only().points()).containsExactly(new MetricPoint(m, 5, 2, 0, 5));
  }

  @Test
  void aMatchWithoutAValueStillSuppressesTheDefault() {
    store.defaultOutcome(ERRORS, "Count", 995 * MINUTE, "g/a", true, 0);
    assertThat(only().points()).isEmpty();
    assertThat(only().totalCount()).isZero();
  }

  @Test
  void minutesOlderThanTheWindowFoldIntoTheTotals() {
    store.sample(ERRORS, "Count", 990 * MINUTE, 4);
    store.defaultOutcome(ERRORS, "Count", 991 * MINUTE, "g/a", false, 1);
    now.addAndGet(MetricStore.RETENTION_MILLIS);
    store.sample(ERRORS, "Count", 100 * MINUTE, 10); // already outside: totals only
    store.defaultOutcome(ERRORS, "Count", 100 * MINUTE, "g/a", false, 1); // no default for such a minute
    MetricSeries s = only();
    assertThat(s.points()).isEmpty();
    assertThat(s.totalSum()).isEqualTo(15);
    assertThat(s.totalCount()).isEqualTo(3);
  }

  @Test
  void seriesBeyondTheCapAreDroppedAndCounted() {
    for (int i = 0; i < 5; i++) {
      store.sample(MetricSeriesKey.of(TENANT, "App", "M" + i, Map.of()), "None", 995 * MINUTE, 1);
    }
    assertThat(store.seriesCount()).isEqualTo(3);
    assertThat(store.droppedSamples()).isEqualTo(2);
    store.sample(MetricSeriesKey.of(TENANT, "App", "M0", Map.of()), "None", 995 * MINUTE, 1);
    assertThat(store.droppedSamples()).isEqualTo(2);
  }

  @Test
  void prometheusTextSanitizesDimensionNamesAndEscapesValues() {
    store.sample(MetricSeriesKey.of(TENANT, "App", "Latency", Map.of("service-name", "a\"b\\c", "service_name", "x")),
        "Milliseconds", 995 * MINUTE, 2.5);
    assertThat(MetricPrometheusText.render(store)).contains(
        "cwlogs_metric_filter_value_sum{account=\"123456789012\",region=\"eu-west-1\",namespace=\"App\","
            + "metric=\"Latency\",unit=\"Milliseconds\",dim_service_name=\"a\\\"b\\\\c\",dim_service_name_2=\"x\"} 2.5\n",
        "cwlogs_metric_filter_value_count{account=\"123456789012\"",
        "cwlogs_metric_filter_series 1\n",
        "cwlogs_metric_filter_dropped_samples_total 0\n");
  }
}
