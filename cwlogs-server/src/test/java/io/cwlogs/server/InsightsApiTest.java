package io.cwlogs.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cwlogs.core.InsightsQueries;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.cloudwatchlogs.model.GetQueryResultsResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.InputLogEvent;
import software.amazon.awssdk.services.cloudwatchlogs.model.InvalidParameterException;
import software.amazon.awssdk.services.cloudwatchlogs.model.LimitExceededException;
import software.amazon.awssdk.services.cloudwatchlogs.model.LogGroupField;
import software.amazon.awssdk.services.cloudwatchlogs.model.MalformedQueryException;
import software.amazon.awssdk.services.cloudwatchlogs.model.QueryInfo;
import software.amazon.awssdk.services.cloudwatchlogs.model.QueryStatus;
import software.amazon.awssdk.services.cloudwatchlogs.model.ResourceNotFoundException;
import software.amazon.awssdk.services.cloudwatchlogs.model.ResultField;
import software.amazon.awssdk.services.cloudwatchlogs.model.StartQueryRequest;

/**
 * The Logs Insights API driven through the AWS SDK for Java v2 against a running server: start →
 * poll → results over data put through PutLogEvents, errors as the SDK sees them, StopQuery,
 * DescribeQueries, GetLogRecord and GetLogGroupFields. Query definitions are in
 * {@link InsightsQueryDefinitionsTest}.
 */
class InsightsApiTest extends ServerTestBase {

  static final String ACCOUNT = "000000000000";
  static final DateTimeFormatter RENDERED =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS").withZone(ZoneOffset.UTC);

  static String prefix;
  static String groupA;
  static String groupB;
  /** A 5-minute boundary about an hour ago: every event is at base + a few seconds. */
  static long base;

  @BeforeAll
  static void loadData() throws Exception {
    prefix = "/insights-" + UUID.randomUUID();
    groupA = prefix + "/a";
    groupB = prefix + "/b";
    base = (System.currentTimeMillis() - 3_600_000) / 300_000 * 300_000;
    put(groupA, "s1",
        event(0, "{\"level\":\"INFO\",\"service\":\"api\",\"latency\":15}"),
        event(60_000, "{\"level\":\"INFO\",\"service\":\"db\",\"latency\":40}"),
        event(302_000, "plain text user=alice action=login"));
    put(groupA, "s2",
        event(1_000, "{\"level\":\"ERROR\",\"service\":\"api\",\"latency\":120}"),
        event(301_000, "{\"level\":\"ERROR\",\"service\":\"db\",\"latency\":950}"));
    put(groupB, "s1", event(2_000, "{\"level\":\"WARN\",\"service\":\"web\",\"latency\":300}"));
  }

  @AfterEach
  void defaultSettings() {
    server.server.service().insights().settings(InsightsQueries.Settings.defaults());
  }

  static InputLogEvent event(long offset, String message) {
    return InputLogEvent.builder().timestamp(base + offset).message(message).build();
  }

  static void put(String group, String stream, InputLogEvent... events) {
    if (logs.describeLogGroups(r -> r.logGroupNamePrefix(group)).logGroups().stream()
        .noneMatch(g -> g.logGroupName().equals(group))) {
      logs.createLogGroup(r -> r.logGroupName(group));
    }
    logs.createLogStream(r -> r.logGroupName(group).logStreamName(stream));
    logs.putLogEvents(r -> r.logGroupName(group).logStreamName(stream).logEvents(events));
  }

  /** The whole data set's range: a minute before base to ten minutes after, in seconds. */
  static Consumer<StartQueryRequest.Builder> over(String query, String... groups) {
    return r -> r.logGroupNames(groups).startTime(base / 1000 - 60).endTime(base / 1000 + 600)
        .queryString(query);
  }

  static GetQueryResultsResponse run(Consumer<StartQueryRequest.Builder> request) {
    String id = logs.startQuery(request).queryId();
    assertThat(UUID.fromString(id).toString()).isEqualTo(id);
    GetQueryResultsResponse r = await(id);
    assertThat(r.status()).as("status of %s", id).isEqualTo(QueryStatus.COMPLETE);
    return r;
  }

  static GetQueryResultsResponse await(String id) {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (true) {
      GetQueryResultsResponse r = logs.getQueryResults(q -> q.queryId(id));
      if (r.status() != QueryStatus.SCHEDULED && r.status() != QueryStatus.RUNNING) {
        return r;
      }
      assertThat(System.nanoTime()).as("query %s still %s", id, r.status()).isLessThan(deadline);
      sleep(20);
    }
  }

  static QueryStatus awaitStatus(String id, QueryStatus wanted) {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    QueryStatus s;
    while ((s = logs.getQueryResults(q -> q.queryId(id)).status()) != wanted) {
      assertThat(System.nanoTime()).as("query %s is %s, waiting for %s", id, s, wanted).isLessThan(deadline);
      sleep(10);
    }
    return s;
  }

  static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  /** Rows as field → value maps, in order. */
  static List<Map<String, String>> rows(GetQueryResultsResponse r) {
    List<Map<String, String>> out = new ArrayList<>();
    for (List<ResultField> row : r.results()) {
      Map<String, String> m = new LinkedHashMap<>();
      row.forEach(f -> m.put(f.field(), f.value()));
      out.add(m);
    }
    return out;
  }

  static String at(long offset) {
    return RENDERED.format(Instant.ofEpochMilli(base + offset));
  }


  // ---- queries ----

  @Test
  void fieldsFilterSortLimitReturnsRowsWithPointers() {
    GetQueryResultsResponse r =
        run(over("fields @timestamp, level, latency | filter latency > 30 | sort latency desc | limit 2", groupA));
    assertThat(r.status()).isEqualTo(QueryStatus.COMPLETE);
    List<Map<String, String>> rows = rows(r);
    assertThat(rows).hasSize(2);
    assertThat(rows.get(0)).containsEntry("@timestamp", at(301_000)).containsEntry("level", "ERROR")
        .containsEntry("latency", "950").containsKey("@ptr");
    assertThat(rows.get(1)).containsEntry("latency", "120");
    assertThat(new ArrayList<>(rows.get(0).keySet())).containsExactly("@timestamp", "level", "latency", "@ptr");
    assertThat(r.statistics().recordsScanned()).isEqualTo(5.0);
    assertThat(r.statistics().recordsMatched()).isEqualTo(3.0);
    assertThat(r.statistics().bytesScanned()).isGreaterThan(100.0);
    assertThat(r.statistics().logGroupsScanned()).isEqualTo(1.0);
  }

  @Test
  void statsByBinGivesOneRowPerFiveMinutesNewestFirst() {
    List<Map<String, String>> rows = rows(run(over("stats count(*) as n by bin(5m)", groupA)));
    assertThat(rows).containsExactly(
        Map.of("bin(5m)", at(300_000), "n", "2"),
        Map.of("bin(5m)", at(0), "n", "3"));
  }

  @Test
  void withoutSortRowsComeNewestFirstAcrossGroups() {
    List<Map<String, String>> rows = rows(run(over("fields @timestamp, @log, @logStream | limit 4", groupA, groupB)));
    assertThat(rows).extracting(m -> m.get("@timestamp"))
        .containsExactly(at(302_000), at(301_000), at(60_000), at(2_000));
    assertThat(rows.get(3)).containsEntry("@log", ACCOUNT + ":" + groupB).containsEntry("@logStream", "s1");
    assertThat(rows.get(1)).containsEntry("@log", ACCOUNT + ":" + groupA).containsEntry("@logStream", "s2");
  }

  @Test
  void statsAcrossGroupsByNamesAndByIdentifiers() {
    String q = "filter ispresent(service) | stats count(*) as n, avg(latency) as avg by service | sort service asc";
    GetQueryResultsResponse byNames = run(over(q, groupA, groupB));
    assertThat(rows(byNames)).containsExactly(
        Map.of("service", "api", "n", "2", "avg", "67.5"),
        Map.of("service", "db", "n", "2", "avg", "495"),
        Map.of("service", "web", "n", "1", "avg", "300"));
    assertThat(byNames.statistics().logGroupsScanned()).isEqualTo(2.0);
    assertThat(byNames.statistics().recordsScanned()).isEqualTo(6.0);
    assertThat(byNames.statistics().recordsMatched()).isEqualTo(5.0);

    String arnA = "arn:aws:logs:us-east-1:" + ACCOUNT + ":log-group:" + groupA;
    GetQueryResultsResponse byIds = run(r -> r.logGroupIdentifiers(arnA, groupB)
        .startTime(base / 1000 - 60).endTime(base / 1000 + 600).queryString(q));
    assertThat(byIds.results()).isEqualTo(byNames.results());
  }

  @Test
  void parseExtractsFieldsFromText() {
    List<Map<String, String>> rows = rows(run(over(
        "parse @message \"user=* action=*\" as user, action | filter ispresent(user) | fields user, action", groupA)));
    assertThat(rows).hasSize(1);
    assertThat(rows.get(0)).containsEntry("user", "alice").containsEntry("action", "login");
  }

  @Test
  void startQueryLimitCapsTheRows() {
    assertThat(run(over("fields @message", groupA).andThen(r -> r.limit(2))).results()).hasSize(2);
    assertAwsError(() -> logs.startQuery(over("fields @message", groupA).andThen(r -> r.limit(10_001))),
        InvalidParameterException.class,
        "1 validation error detected: Value '10001' at 'limit' failed to satisfy constraint: "
            + "Member must have value less than or equal to 10000");
  }

  @Test
  void sourceCommandNamesGroupsByPrefix() {
    GetQueryResultsResponse r = run(q -> q.startTime(base / 1000 - 60).endTime(base / 1000 + 600)
        .queryString("SOURCE logGroups(namePrefix: [\"" + groupA + "\", '" + groupB + "'])\n| stats count(*) as n"));
    assertThat(rows(r)).containsExactly(Map.of("n", "6"));
    assertThat(r.statistics().logGroupsScanned()).isEqualTo(2.0);
    assertAwsError(() -> logs.startQuery(over("SOURCE logGroups(namePrefix: [\"x\"]) | fields @message", groupA)),
        InvalidParameterException.class,
        "A query that uses SOURCE cannot also specify logGroupName, logGroupNames or logGroupIdentifiers.");
  }

  @Test
  void timeRangeIsInclusiveInSecondsUpToTheLastMillisecond() {
    String group = prefix + "/edges";
    long s = base / 1000 + 10;
    long e = base / 1000 + 20;
    put(group, "s",
        InputLogEvent.builder().timestamp(s * 1000 - 1).message("before").build(),
        InputLogEvent.builder().timestamp(s * 1000).message("first").build(),
        InputLogEvent.builder().timestamp(e * 1000 + 999).message("last").build(),
        InputLogEvent.builder().timestamp(e * 1000 + 1000).message("after").build());
    List<Map<String, String>> rows = rows(run(r -> r.logGroupName(group).startTime(s).endTime(e)
        .queryString("fields @message")));
    assertThat(rows).extracting(m -> m.get("@message")).containsExactly("last", "first");
    // One second: both ends are the same second.
    assertThat(rows(run(r -> r.logGroupName(group).startTime(s).endTime(s).queryString("fields @message"))))
        .extracting(m -> m.get("@message")).containsExactly("first");
  }

  // ---- StartQuery errors ----

  @Test
  void startQueryErrors() {
    assertAwsError(() -> logs.startQuery(r -> r.logGroupName(groupA).startTime(200L).endTime(100L)
            .queryString("fields @message")),
        InvalidParameterException.class, "endTime must be greater than or equal to startTime.");
    assertAwsError(() -> logs.startQuery(r -> r.startTime(1L).endTime(2L).queryString("fields @message")),
        InvalidParameterException.class,
        "Exactly one of logGroupName, logGroupNames or logGroupIdentifiers must be specified.");
    assertAwsError(() -> logs.startQuery(r -> r.logGroupName(groupA).logGroupNames(groupB).startTime(1L)
            .endTime(2L).queryString("fields @message")),
        InvalidParameterException.class,
        "Exactly one of logGroupName, logGroupNames or logGroupIdentifiers must be specified.");
    assertThatThrownBy(() -> logs.startQuery(over("fields @message", groupA, prefix + "/missing")))
        .isInstanceOf(ResourceNotFoundException.class)
        .satisfies(x -> assertThat(((AwsServiceException) x).awsErrorDetails().errorMessage())
            .startsWith("Log group '" + prefix + "/missing' does not exist for account ID '" + ACCOUNT
                + "' (Service: AWSLogs; Status Code: 400; Error Code: ResourceNotFoundException; Request ID: "));
    List<String> many = new ArrayList<>();
    for (int i = 0; i < 51; i++) {
      many.add(groupA);
    }
    assertThatThrownBy(() -> logs.startQuery(over("fields @message", many.toArray(String[]::new))))
        .isInstanceOf(InvalidParameterException.class)
        .hasMessageContaining("at 'logGroupNames' failed to satisfy constraint: Member must have length less than or equal to 50");
    assertAwsError(() -> logs.getQueryResults(r -> r.queryId(UUID.randomUUID().toString())),
        ResourceNotFoundException.class, "Query does not exist.");
  }

  @Test
  void malformedQueryCarriesTheCompileErrorLocation() {
    String query = "fields @message | filter (latency > ";
    assertThatThrownBy(() -> logs.startQuery(over(query, groupA)))
        .isInstanceOfSatisfying(MalformedQueryException.class, e -> {
          assertThat(e.statusCode()).isEqualTo(400);
          assertThat(e.queryCompileError()).isNotNull();
          assertThat(e.queryCompileError().message()).contains("at line 1 and position");
          assertThat(e.queryCompileError().location().startCharOffset()).isEqualTo(query.length());
          assertThat(e.queryCompileError().location().endCharOffset()).isEqualTo(query.length());
        });
    // A SOURCE command is blanked, not cut: offsets still point into the string as sent.
    String sourced = "SOURCE logGroups(namePrefix: [\"" + prefix + "\"]) | fields @message | sort";
    assertThatThrownBy(() -> logs.startQuery(r -> r.startTime(1L).endTime(2L).queryString(sourced)))
        .isInstanceOfSatisfying(MalformedQueryException.class, e ->
            assertThat(e.queryCompileError().location().startCharOffset()).isEqualTo(sourced.length()));
    assertThatThrownBy(() -> logs.startQuery(over("fields @message | pattern @message", groupA)))
        .isInstanceOfSatisfying(MalformedQueryException.class, e ->
            assertThat(e.queryCompileError().location().startCharOffset()).isEqualTo(18));
  }

  // ---- lifecycle: partial results, StopQuery, timeout, scheduling, concurrency ----

  @Test
  void stopQueryCancelsARunningQueryAndShowsPartialResults() {
    server.server.service().insights().settings(
        InsightsQueries.Settings.defaults().withDelayPerEvent(Duration.ofMillis(150)));
    String id = logs.startQuery(over("fields @message", groupA)).queryId();
    awaitStatus(id, QueryStatus.RUNNING);
    long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
    GetQueryResultsResponse partial;
    while ((partial = logs.getQueryResults(q -> q.queryId(id))).results().isEmpty()) {
      assertThat(System.nanoTime()).isLessThan(deadline);
      sleep(10);
    }
    assertThat(partial.status()).isEqualTo(QueryStatus.RUNNING);
    assertThat(partial.results().size()).isLessThan(5);
    assertThat(logs.stopQuery(r -> r.queryId(id)).success()).isTrue();
    GetQueryResultsResponse stopped = logs.getQueryResults(q -> q.queryId(id));
    assertThat(stopped.status()).isEqualTo(QueryStatus.CANCELLED);
    assertThat(stopped.results().size()).isBetween(1, 4);
    assertAwsError(() -> logs.stopQuery(r -> r.queryId(id)),
        InvalidParameterException.class, "Query " + id + " is not running; its status is Cancelled.");
    // A finished query cannot be stopped either.
    server.server.service().insights().settings(InsightsQueries.Settings.defaults());
    String done = logs.startQuery(over("fields @message", groupA)).queryId();
    await(done);
    assertThatThrownBy(() -> logs.stopQuery(r -> r.queryId(done))).isInstanceOf(InvalidParameterException.class);
  }

  @Test
  void aQueryRunningPastItsTimeoutEndsAsTimeout() {
    server.server.service().insights().settings(InsightsQueries.Settings.defaults()
        .withDelayPerEvent(Duration.ofMillis(100)).withTimeout(Duration.ofMillis(250)));
    GetQueryResultsResponse r = await(logs.startQuery(over("fields @message", groupA)).queryId());
    assertThat(r.status()).isEqualTo(QueryStatus.TIMEOUT);
    assertThat(r.statistics().recordsScanned()).isBetween(1.0, 4.0);
  }

  @Test
  void queriesBeyondThePoolWaitScheduledAndTheAccountLimitIsThirty() {
    server.server.service().insights().settings(
        InsightsQueries.Settings.defaults().withDelayPerEvent(Duration.ofSeconds(5)));
    List<String> ids = new ArrayList<>();
    try {
      for (int i = 0; i < 30; i++) {
        ids.add(logs.startQuery(over("fields @message", groupA)).queryId());
      }
      assertThat(logs.getQueryResults(q -> q.queryId(ids.get(29))).status()).isEqualTo(QueryStatus.SCHEDULED);
      assertAwsError(() -> logs.startQuery(over("fields @message", groupA)),
          LimitExceededException.class, "Account maximum query concurrency limit of [30] reached.");
      List<QueryInfo> scheduled =
          logs.describeQueries(r -> r.logGroupName(groupA).status(QueryStatus.SCHEDULED)).queries();
      assertThat(scheduled).hasSizeGreaterThanOrEqualTo(20)
          .allSatisfy(q -> assertThat(q.status()).isEqualTo(QueryStatus.SCHEDULED));
    } finally {
      ids.forEach(id -> {
        try {
          logs.stopQuery(r -> r.queryId(id));
        } catch (InvalidParameterException finished) {
          // it ended on its own
        }
      });
    }
    assertThat(logs.getQueryResults(q -> q.queryId(ids.get(29))).status()).isEqualTo(QueryStatus.CANCELLED);
  }

  // ---- DescribeQueries ----

  @Test
  void describeQueriesShowsTheRewrittenQueryString() {
    String group = prefix + "/described";
    logs.createLogGroup(r -> r.logGroupName(group));
    assertThat(logs.describeQueries(r -> r.logGroupName(group)).queries()).isEmpty();
    String first = logs.startQuery(r -> r.logGroupName(group).startTime(1000L).endTime(2000L)
        .queryString("fields @message")).queryId();
    await(first);
    String second = logs.startQuery(r -> r.logGroupName(group).startTime(1000L).endTime(2000L)
        .queryString("stats count(*)")).queryId();
    await(second);
    List<QueryInfo> all = logs.describeQueries(r -> r.logGroupName(group).status(QueryStatus.COMPLETE)).queries();
    assertThat(all).extracting(QueryInfo::queryId).containsExactlyInAnyOrder(first, second);
    QueryInfo info = all.stream().filter(q -> q.queryId().equals(first)).findFirst().orElseThrow();
    assertThat(info.queryString()).isEqualTo("SOURCE \"" + group + "\" START=1000000 END=2000999 | fields @message");
    assertThat(info.logGroupName()).isEqualTo(group);
    assertThat(info.createTime()).isPositive();
    assertThat(info.queryLanguageAsString()).isEqualTo("CWLI");
    assertThat(logs.describeQueries(r -> r.logGroupName(group).status(QueryStatus.RUNNING)).queries()).isEmpty();

    List<String> paged = new ArrayList<>();
    String token = null;
    do {
      String from = token;
      var page = logs.describeQueries(r -> r.logGroupName(group).maxResults(1).nextToken(from));
      assertThat(page.queries()).hasSizeLessThanOrEqualTo(1);
      page.queries().forEach(q -> paged.add(q.queryId()));
      token = page.nextToken();
    } while (token != null);
    assertThat(paged).containsExactly(second, first);
  }

  // ---- GetLogRecord and GetLogGroupFields ----

  @Test
  void getLogRecordResolvesAPointerFromResults() {
    Map<String, String> row = rows(run(over("filter latency = 950 | fields @message", groupA))).get(0);
    Map<String, String> record = logs.getLogRecord(r -> r.logRecordPointer(row.get("@ptr"))).logRecord();
    assertThat(record)
        .containsEntry("@message", "{\"level\":\"ERROR\",\"service\":\"db\",\"latency\":950}")
        .containsEntry("@timestamp", Long.toString(base + 301_000))
        .containsEntry("@logStream", "s2")
        .containsEntry("@log", ACCOUNT + ":" + groupA)
        .containsEntry("level", "ERROR")
        .containsEntry("service", "db")
        .containsEntry("latency", "950")
        .containsKey("@ingestionTime");
    assertAwsError(() -> logs.getLogRecord(r -> r.logRecordPointer("not a pointer")),
        InvalidParameterException.class, "The specified log record pointer is not valid.");
  }

  @Test
  void getLogGroupFieldsCountsTheSampledEvents() {
    List<LogGroupField> fields =
        logs.getLogGroupFields(r -> r.logGroupName(groupA).time(base / 1000 + 150)).logGroupFields();
    Map<String, Integer> percent = new LinkedHashMap<>();
    fields.forEach(f -> percent.put(f.name(), f.percent()));
    assertThat(percent).containsEntry("@timestamp", 100).containsEntry("@message", 100)
        .containsEntry("@logStream", 100).containsEntry("@log", 100).containsEntry("@ingestionTime", 100)
        .containsEntry("level", 80).containsEntry("service", 80).containsEntry("latency", 80);
    assertAwsError(() -> logs.getLogGroupFields(r -> r.logGroupName(prefix + "/missing")),
        ResourceNotFoundException.class, "The specified log group does not exist.");
  }
}
