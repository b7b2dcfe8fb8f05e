package io.cwlogs.server;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ServerMetricsTest {

  @Test
  void histogramBucketsAreCumulativeWithBoundsInclusive() {
    ServerMetrics metrics = new ServerMetrics();
    metrics.record("GetLogEvents", "ok", 500_000L); // 0.5 ms
    metrics.record("GetLogEvents", "ok", 10_000_000L); // exactly 10 ms: in le="0.01"
    metrics.record("GetLogEvents", "ResourceNotFoundException", 30_000_000_000L); // 30 s: only +Inf

    String text = metrics.prometheusText();

    assertThat(text)
        .contains("cwlogs_request_duration_seconds_bucket{operation=\"GetLogEvents\",le=\"0.001\"} 1\n")
        .contains("cwlogs_request_duration_seconds_bucket{operation=\"GetLogEvents\",le=\"0.005\"} 1\n")
        .contains("cwlogs_request_duration_seconds_bucket{operation=\"GetLogEvents\",le=\"0.01\"} 2\n")
        .contains("cwlogs_request_duration_seconds_bucket{operation=\"GetLogEvents\",le=\"10.0\"} 2\n")
        .contains("cwlogs_request_duration_seconds_bucket{operation=\"GetLogEvents\",le=\"+Inf\"} 3\n")
        .contains("cwlogs_request_duration_seconds_count{operation=\"GetLogEvents\"} 3\n")
        .contains("cwlogs_request_duration_seconds_sum{operation=\"GetLogEvents\"} 30.010500\n")
        .contains("cwlogs_requests_total{operation=\"GetLogEvents\",outcome=\"ok\"} 2\n");
  }
}
