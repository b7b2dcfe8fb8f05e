package io.cwlogs.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cloudwatchlogs.model.InputLogEvent;
import software.amazon.awssdk.services.cloudwatchlogs.model.MetricTransformation;
import software.amazon.awssdk.services.cloudwatchlogs.model.StandardUnit;

/**
 * Metric filters produce metrics: events put through the AWS SDK, read back from {@code /metrics}
 * (Prometheus text, cumulative) and {@code /_cwlogs/metrics} (JSON, per event-time minute) over HTTP.
 */
class MetricEmissionTest extends ServerTestBase {

  static final long MINUTE = 60_000;
  static final ObjectMapper JSON = new ObjectMapper();

  static HttpClient http = HttpClient.newHttpClient();

  /** A whole minute some minutes before now, well inside AWS's accepted range and our 24 h window. */
  static long minutesAgo(int n) {
    return (System.currentTimeMillis() / MINUTE - n) * MINUTE;
  }

  static String group(String name) {
    String group = "/metrics/" + name + "/" + System.nanoTime();
    logs.createLogGroup(r -> r.logGroupName(group));
    logs.createLogStream(r -> r.logGroupName(group).logStreamName("s"));
    return group;
  }

  static void put(String group, long timestamp, String... messages) {
    List<InputLogEvent> events = new ArrayList<>();
    for (String m : messages) {
      events.add(InputLogEvent.builder().timestamp(timestamp).message(m).build());
    }
    logs.putLogEvents(r -> r.logGroupName(group).logStreamName("s").logEvents(events));
  }

  static String get(String pathAndQuery) throws Exception {
    HttpResponse<String> r = http.send(
        HttpRequest.newBuilder(URI.create(server.endpoint + pathAndQuery)).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).isEqualTo(200);
    return r.body();
  }

  static JsonNode series(String namespace, String metric) throws Exception {
    return JSON.readTree(get("/_cwlogs/metrics?namespace=" + URLEncoder.encode(namespace, StandardCharsets.UTF_8)
        + "&metric=" + URLEncoder.encode(metric, StandardCharsets.UTF_8))).get("series");
  }

  static JsonNode point(JsonNode series, long minute) {
    for (JsonNode p : series.get("points")) {
      if (p.get("timestamp").asLong() == minute) {
        return p;
      }
    }
    throw new AssertionError("no point at " + minute + " in " + series);
  }

  static void assertPoint(JsonNode p, double sum, long count, double min, double max) {
    assertThat(p.get("sum").asDouble()).isEqualTo(sum);
    assertThat(p.get("sampleCount").asLong()).isEqualTo(count);
    assertThat(p.get("min").asDouble()).isEqualTo(min);
    assertThat(p.get("max").asDouble()).isEqualTo(max);
  }

  /** The value of the one Prometheus sample named {@code name} whose labels include every fragment. */
  static Optional<String> prometheus(String name, String... labelFragments) throws Exception {
    List<String> hits = get("/metrics").lines()
        .filter(l -> l.startsWith(name + "{"))
        .filter(l -> Arrays.stream(labelFragments).allMatch(l::contains))
        .toList();
    assertThat(hits).hasSizeLessThanOrEqualTo(1);
    return hits.stream().findFirst().map(l -> l.substring(l.lastIndexOf(' ') + 1));
  }

  @Test
  void constantValueWithDefaultCountsMatchesPerMinuteAndDefaultsMinutesWithoutMatches() throws Exception {
    String group = group("constant");
    String ns = "Const" + System.nanoTime();
    long m1 = minutesAgo(10);
    long m2 = minutesAgo(9);
    long m3 = minutesAgo(8);
    long m4 = minutesAgo(7);
    // Before the filter exists: never counted, even though it lands in a minute the filter later reports.
    put(group, m1, "ERROR before the filter");

    logs.putMetricFilter(r -> r.logGroupName(group).filterName("errors").filterPattern("ERROR")
        .metricTransformations(MetricTransformation.builder().metricNamespace(ns).metricName("Errors")
            .metricValue("1").defaultValue(0.0).unit(StandardUnit.COUNT).build()));
    put(group, m1, "ERROR one", "ERROR two", "INFO fine");
    put(group, m2, "INFO a", "DEBUG b");                 // events, no match: the default, once
    put(group, m3, "INFO first");                        // provisional default ...
    put(group, m3, "ERROR late in the minute");          // ... withdrawn by a match in the same minute
    // m4: no events at all, so nothing is reported.

    JsonNode all = series(ns, "Errors");
    assertThat(all).hasSize(1);
    JsonNode s = all.get(0);
    assertThat(s.get("namespace").asText()).isEqualTo(ns);
    assertThat(s.get("metricName").asText()).isEqualTo("Errors");
    assertThat(s.get("unit").asText()).isEqualTo("Count");
    assertThat(s.get("dimensions").size()).isZero();
    assertThat(s.get("points")).hasSize(3);
    assertPoint(point(s, m1), 2, 2, 1, 1);
    assertPoint(point(s, m2), 0, 1, 0, 0);
    assertPoint(point(s, m3), 1, 1, 1, 1);
    assertThat(s.get("points").findValues("timestamp")).extracting(JsonNode::asLong).doesNotContain(m4);

    String nsLabel = "namespace=\"" + ns + "\"";
    assertThat(prometheus("cwlogs_metric_filter_value_sum", nsLabel, "metric=\"Errors\"", "unit=\"Count\"")).contains("3");
    assertThat(prometheus("cwlogs_metric_filter_value_count", nsLabel, "metric=\"Errors\"")).contains("4");

    // Deleting the filter stops emission.
    logs.deleteMetricFilter(r -> r.logGroupName(group).filterName("errors"));
    put(group, m1, "ERROR after delete");
    put(group, m4, "INFO after delete");
    JsonNode after = series(ns, "Errors").get(0);
    assertThat(after.get("points")).hasSize(3);
    assertPoint(point(after, m1), 2, 2, 1, 1);
    assertThat(prometheus("cwlogs_metric_filter_value_count", nsLabel, "metric=\"Errors\"")).contains("4");
  }

  @Test
  void jsonValueWithDimensionSkipsNonNumericValues() throws Exception {
    String group = group("json");
    String ns = "Json" + System.nanoTime();
    long m = minutesAgo(5);
    logs.putMetricFilter(r -> r.logGroupName(group).filterName("latency").filterPattern("{ $.service = * }")
        .metricTransformations(MetricTransformation.builder().metricNamespace(ns).metricName("Latency")
            .metricValue("$.latency").dimensions(Map.of("Service", "$.service")).unit(StandardUnit.MILLISECONDS).build()));
    put(group, m,
        "{\"service\":\"api\",\"latency\":100}",
        "{\"service\":\"api\",\"latency\":50}",
        "{\"service\":\"db\",\"latency\":7.5}",
        "{\"service\":\"api\",\"latency\":\"fast\"}",
        "{\"service\":\"api\"}",
        "{\"other\":1,\"latency\":1000}");

    JsonNode all = series(ns, "Latency");
    assertThat(all).hasSize(2);
    JsonNode api = all.get(0);
    JsonNode db = all.get(1);
    assertThat(api.get("dimensions").get("Service").asText()).isEqualTo("api");
    assertThat(api.get("unit").asText()).isEqualTo("Milliseconds");
    assertThat(api.get("points")).hasSize(1);
    assertPoint(point(api, m), 150, 2, 50, 100);
    assertThat(db.get("dimensions").get("Service").asText()).isEqualTo("db");
    assertPoint(point(db, m), 7.5, 1, 7.5, 7.5);

    String nsLabel = "namespace=\"" + ns + "\"";
    assertThat(prometheus("cwlogs_metric_filter_value_sum", nsLabel, "dim_Service=\"api\"")).contains("150");
    assertThat(prometheus("cwlogs_metric_filter_value_count", nsLabel, "dim_Service=\"api\"")).contains("2");
    assertThat(prometheus("cwlogs_metric_filter_value_sum", nsLabel, "dim_Service=\"db\"")).contains("7.5");
    assertThat(prometheus("cwlogs_metric_filter_value_sum", nsLabel, "unit=\"Milliseconds\"", "dim_Service=\"db\"")).isPresent();
  }

  @Test
  void spaceDelimitedFieldValueSumsBytesAndSkipsDash() throws Exception {
    String group = group("space");
    String ns = "Space" + System.nanoTime();
    long m1 = minutesAgo(4);
    long m2 = minutesAgo(3);
    logs.putMetricFilter(r -> r.logGroupName(group).filterName("bytes")
        .filterPattern("[ip, user, username, date, verb, status_code = 2*, bytes]")
        .metricTransformations(MetricTransformation.builder().metricNamespace(ns).metricName("Bytes")
            .metricValue("$bytes").unit(StandardUnit.BYTES).build()));
    put(group, m1,
        "10.0.0.1 - alice 2024-01-01 GET 200 1000",
        "10.0.0.2 - bob 2024-01-01 GET 204 -",
        "10.0.0.3 - carol 2024-01-01 GET 404 99999",
        "10.0.0.4 - dave 2024-01-01 POST 201 500");
    put(group, m2, "10.0.0.5 - erin 2024-01-01 GET 200 24");

    JsonNode s = series(ns, "Bytes").get(0);
    assertThat(s.get("points")).hasSize(2);
    assertPoint(point(s, m1), 1500, 2, 500, 1000);
    assertPoint(point(s, m2), 24, 1, 24, 24);
    String nsLabel = "namespace=\"" + ns + "\"";
    assertThat(prometheus("cwlogs_metric_filter_value_sum", nsLabel, "metric=\"Bytes\"")).contains("1524");
    assertThat(prometheus("cwlogs_metric_filter_value_count", nsLabel, "metric=\"Bytes\"")).contains("3");
  }

  @Test
  void unknownSeriesGiveAnEmptyList() throws Exception {
    assertThat(series("NoSuchNamespace", "Nothing")).isEmpty();
    assertThat(get("/metrics")).contains("# TYPE cwlogs_metric_filter_value summary");
  }
}
