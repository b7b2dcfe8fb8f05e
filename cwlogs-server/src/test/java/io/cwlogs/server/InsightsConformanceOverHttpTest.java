package io.cwlogs.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.cwlogs.insights.ConformanceTest;
import io.cwlogs.insights.Dataset;
import io.cwlogs.insights.QueryEvent;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.cloudwatchlogs.model.GetQueryResultsResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.InputLogEvent;
import software.amazon.awssdk.services.cloudwatchlogs.model.QueryStatus;
import software.amazon.awssdk.services.cloudwatchlogs.model.ResultField;

/**
 * cwlogs-insights' conformance table (AWS's documented example queries) through StartQuery and
 * GetQueryResults with the AWS SDK: the table's dataset is put into log group {@code app} with
 * PutLogEvents, moved to a recent hour (PutLogEvents refuses events older than 14 days), and every
 * expected timestamp is moved by the same amount.
 *
 * <p>Cases that depend on more than the time of day cannot survive the move and are skipped, each
 * for its stated reason: {@code @ingestionTime} is the server's clock, and day, week, month, quarter
 * or year boundaries differ between the table's date and today.
 */
class InsightsConformanceOverHttpTest {

  private static final Pattern DATE_TIME = Pattern.compile("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}\\.\\d{3}");
  private static final Pattern EPOCH_MILLIS = Pattern.compile("\\b17145\\d{8}\\b");
  private static final DateTimeFormatter RENDERED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS");
  private static final List<String> CALENDAR_BOUND = List.of("@ingestionTime", "1d", "1w", "1mo", "1q", "1y", "fromMillis");

  static TestServer server;
  static CloudWatchLogsClient logs;
  static long shift;
  static long base;

  @BeforeAll
  static void start() throws Exception {
    server = TestServer.start("--default-account", "123456789012");
    logs = server.client();
    // The same minute-of-hour alignment as the table's 12:00, three hours ago.
    base = (System.currentTimeMillis() - Duration.ofHours(3).toMillis()) / 3_600_000 * 3_600_000;
    shift = base - Dataset.T0;
    logs.createLogGroup(r -> r.logGroupName("app"));
    for (String stream : List.of("web-1", "web-2")) {
      logs.createLogStream(r -> r.logGroupName("app").logStreamName(stream));
      List<InputLogEvent> events = new ArrayList<>();
      for (QueryEvent e : Dataset.EVENTS) {
        if (e.logStream().equals(stream)) {
          events.add(InputLogEvent.builder().timestamp(e.timestamp() + shift)
              .message(new String(e.message(), StandardCharsets.UTF_8)).build());
        }
      }
      logs.putLogEvents(r -> r.logGroupName("app").logStreamName(stream).logEvents(events));
    }
  }

  @AfterAll
  static void stop() throws Exception {
    logs.close();
    server.close();
  }

  static Stream<Arguments> cases() {
    return ConformanceTest.cases();
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @MethodSource("cases")
  void conformsThroughTheApi(String query, List<String> expected) throws Exception {
    Assumptions.assumeTrue(CALENDAR_BOUND.stream().noneMatch(query::contains),
        "depends on the server's clock or on calendar boundaries that the time shift moves");
    String id = logs.startQuery(r -> r.logGroupName("app").queryString(query)
        .startTime(base / 1000 - 3600).endTime(base / 1000 + 3600)).queryId();
    GetQueryResultsResponse response = await(id);
    assertThat(response.status()).as("status of %s", query).isEqualTo(QueryStatus.COMPLETE);
    assertThat(render(response.results())).as(query).containsExactlyElementsOf(expected.stream().map(InsightsConformanceOverHttpTest::shifted).toList());
  }

  static GetQueryResultsResponse await(String id) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (true) {
      GetQueryResultsResponse r = logs.getQueryResults(q -> q.queryId(id));
      if (r.status() != QueryStatus.SCHEDULED && r.status() != QueryStatus.RUNNING) {
        return r;
      }
      assertThat(System.nanoTime()).as("query %s still %s", id, r.status()).isLessThan(deadline);
      Thread.sleep(10);
    }
  }

  static List<String> render(List<List<ResultField>> rows) {
    List<String> out = new ArrayList<>();
    for (List<ResultField> row : rows) {
      StringJoiner j = new StringJoiner(", ");
      row.stream().filter(f -> !f.field().equals("@ptr")).forEach(f -> j.add(f.field() + "=" + f.value()));
      out.add(j.toString());
    }
    return out;
  }

  /** An expected row with its timestamps moved from the table's date to the ingested one. */
  static String shifted(String row) {
    Matcher m = DATE_TIME.matcher(row);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      long millis = LocalDateTime.parse(m.group(), RENDERED).toInstant(ZoneOffset.UTC).toEpochMilli() + shift;
      m.appendReplacement(out, RENDERED.format(LocalDateTime.ofEpochSecond(Math.floorDiv(millis, 1000),
          (int) Math.floorMod(millis, 1000) * 1_000_000, ZoneOffset.UTC)));
    }
    m.appendTail(out);
    Matcher e = EPOCH_MILLIS.matcher(out.toString());
    StringBuilder result = new StringBuilder();
    while (e.find()) {
      e.appendReplacement(result, Long.toString(Long.parseLong(e.group()) + shift));
    }
    e.appendTail(result);
    return result.toString();
  }
}
