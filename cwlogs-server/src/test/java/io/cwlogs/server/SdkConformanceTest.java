package io.cwlogs.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsAsyncClient;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.cloudwatchlogs.model.DescribeLogGroupsResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.FilterLogEventsResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.FilteredLogEvent;
import software.amazon.awssdk.services.cloudwatchlogs.model.GetLogEventsResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.InputLogEvent;
import software.amazon.awssdk.services.cloudwatchlogs.model.InvalidParameterException;
import software.amazon.awssdk.services.cloudwatchlogs.model.LogGroup;
import software.amazon.awssdk.services.cloudwatchlogs.model.LogStream;
import software.amazon.awssdk.services.cloudwatchlogs.model.OrderBy;
import software.amazon.awssdk.services.cloudwatchlogs.model.OutputLogEvent;
import software.amazon.awssdk.services.cloudwatchlogs.model.PutLogEventsResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.ResourceAlreadyExistsException;
import software.amazon.awssdk.services.cloudwatchlogs.model.ResourceNotFoundException;

/**
 * The core operations driven through the AWS SDK for Java v2 (sync and async) against a running server,
 * asserting AWS's answers, errors and messages.
 */
class SdkConformanceTest extends ServerTestBase {

  static String unique(String prefix) {
    return prefix + "-" + UUID.randomUUID();
  }

  static String groupWithStream(String stream) {
    String group = unique("/test/group");
    logs.createLogGroup(r -> r.logGroupName(group));
    logs.createLogStream(r -> r.logGroupName(group).logStreamName(stream));
    return group;
  }

  static List<InputLogEvent> events(long start, int count, String prefix) {
    List<InputLogEvent> events = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      events.add(InputLogEvent.builder().timestamp(start + i).message(prefix + " " + i).build());
    }
    return events;
  }


  @Test
  void createDescribeAndDeleteLogGroup() {
    String name = unique("/conformance/create");
    logs.createLogGroup(r -> r.logGroupName(name).tags(Map.of("team", "logs")).kmsKeyId("arn:aws:kms:us-east-1:000000000000:key/k1"));
    DescribeLogGroupsResponse described = logs.describeLogGroups(r -> r.logGroupNamePrefix(name));
    assertThat(described.logGroups()).hasSize(1);
    LogGroup g = described.logGroups().get(0);
    assertThat(g.logGroupName()).isEqualTo(name);
    assertThat(g.arn()).isEqualTo("arn:aws:logs:us-east-1:000000000000:log-group:" + name + ":*");
    assertThat(g.logGroupArn()).isEqualTo("arn:aws:logs:us-east-1:000000000000:log-group:" + name);
    assertThat(g.creationTime()).isPositive();
    assertThat(g.storedBytes()).isZero();
    assertThat(g.metricFilterCount()).isZero();
    assertThat(g.logGroupClassAsString()).isEqualTo("STANDARD");
    assertThat(g.kmsKeyId()).isEqualTo("arn:aws:kms:us-east-1:000000000000:key/k1");
    assertThat(g.retentionInDays()).isNull();
    assertThat(logs.listTagsLogGroup(r -> r.logGroupName(name)).tags()).containsEntry("team", "logs");

    assertAwsError(() -> logs.createLogGroup(r -> r.logGroupName(name)),
        ResourceAlreadyExistsException.class, "The specified log group already exists");
    logs.deleteLogGroup(r -> r.logGroupName(name));
    assertAwsError(() -> logs.deleteLogGroup(r -> r.logGroupName(name)),
        ResourceNotFoundException.class, "The specified log group does not exist.");
  }

  @Test
  void describeLogGroupsPagesInNameOrder() {
    String prefix = unique("/conformance/page");
    for (int i = 0; i < 7; i++) {
      int n = i;
      logs.createLogGroup(r -> r.logGroupName(prefix + "/g" + n));
    }
    List<String> names = new ArrayList<>();
    logs.describeLogGroupsPaginator(r -> r.logGroupNamePrefix(prefix).limit(3))
        .logGroups().forEach(g -> names.add(g.logGroupName()));
    assertThat(names).hasSize(7).isSorted();
    assertAwsError(() -> logs.describeLogGroups(r -> r.nextToken("garbage!")),
        InvalidParameterException.class, "The specified nextToken is invalid.");
  }

  @Test
  void validationErrorsUseAwsFormat() {
    assertAwsError(() -> logs.createLogGroup(r -> r.logGroupName("bad name!")),
        InvalidParameterException.class,
        "1 validation error detected: Value 'bad name!' at 'logGroupName' failed to satisfy constraint: "
            + "Member must satisfy regular expression pattern: [\\.\\-_/#A-Za-z0-9]+");
    assertAwsError(() -> logs.createLogGroup(r -> r.logGroupName("x".repeat(513))),
        InvalidParameterException.class,
        "Invalid LogGroup or LogStream, both must have length less than or equal to 512.");
    assertAwsError(() -> logs.describeLogGroups(r -> r.limit(51)),
        InvalidParameterException.class,
        "1 validation error detected: Value '51' at 'limit' failed to satisfy constraint: "
            + "Member must have value less than or equal to 50");
  }

  @Test
  void putAndGetEventsWithTokens() {
    String group = groupWithStream("s1");
    long now = System.currentTimeMillis();
    PutLogEventsResponse put = logs.putLogEvents(r -> r.logGroupName(group).logStreamName("s1")
        .logEvents(events(now - 10_000, 25, "event")));
    assertThat(put.nextSequenceToken()).isNotBlank();
    assertThat(put.rejectedLogEventsInfo()).isNull();

    GetLogEventsResponse tail = logs.getLogEvents(r -> r.logGroupName(group).logStreamName("s1").limit(10));
    assertThat(tail.events()).extracting(OutputLogEvent::message)
        .containsExactlyElementsOf(range("event", 15, 25));
    assertThat(tail.nextForwardToken()).startsWith("f/");
    assertThat(tail.nextBackwardToken()).startsWith("b/");

    GetLogEventsResponse older = logs.getLogEvents(r -> r.logGroupName(group).logStreamName("s1").limit(10)
        .nextToken(tail.nextBackwardToken()));
    assertThat(older.events()).extracting(OutputLogEvent::message).containsExactlyElementsOf(range("event", 5, 15));

    GetLogEventsResponse head = logs.getLogEvents(r -> r.logGroupName(group).logStreamName("s1")
        .startFromHead(true).limit(20));
    assertThat(head.events()).extracting(OutputLogEvent::message).containsExactlyElementsOf(range("event", 0, 20));
    GetLogEventsResponse rest = logs.getLogEvents(r -> r.logGroupName(group).logStreamName("s1")
        .nextToken(head.nextForwardToken()));
    assertThat(rest.events()).extracting(OutputLogEvent::message).containsExactlyElementsOf(range("event", 20, 25));
    GetLogEventsResponse end = logs.getLogEvents(r -> r.logGroupName(group).logStreamName("s1")
        .nextToken(rest.nextForwardToken()));
    assertThat(end.events()).isEmpty();
    assertThat(end.nextForwardToken()).isEqualTo(rest.nextForwardToken());

    // [startTime, endTime): the end is exclusive.
    GetLogEventsResponse window = logs.getLogEvents(r -> r.logGroupName(group).logStreamName("s1")
        .startFromHead(true).startTime(now - 10_000 + 3).endTime(now - 10_000 + 6));
    assertThat(window.events()).extracting(OutputLogEvent::message).containsExactlyElementsOf(range("event", 3, 6));

    LogStream stream = logs.describeLogStreams(r -> r.logGroupName(group)).logStreams().get(0);
    assertThat(stream.firstEventTimestamp()).isEqualTo(now - 10_000);
    assertThat(stream.lastEventTimestamp()).isEqualTo(now - 10_000 + 24);
    assertThat(stream.lastIngestionTime()).isPositive();
    assertThat(stream.storedBytes()).isZero();
    long expectedBytes = range("event", 0, 25).stream().mapToLong(String::length).sum();
    assertThat(logs.describeLogGroups(r -> r.logGroupNamePrefix(group)).logGroups().get(0).storedBytes())
        .isEqualTo(expectedBytes);
  }

  static List<String> range(String prefix, int from, int to) {
    List<String> out = new ArrayList<>();
    for (int i = from; i < to; i++) {
      out.add(prefix + " " + i);
    }
    return out;
  }

  @Test
  void putLogEventsBatchRules() {
    String group = groupWithStream("s");
    long now = System.currentTimeMillis();
    assertAwsError(() -> logs.putLogEvents(r -> r.logGroupName(group).logStreamName("s").logEvents(
            InputLogEvent.builder().timestamp(now).message("b").build(),
            InputLogEvent.builder().timestamp(now - 1).message("a").build())),
        InvalidParameterException.class,
        "Log events in a single PutLogEvents request must be in chronological order.");
    assertAwsError(() -> logs.putLogEvents(r -> r.logGroupName(group).logStreamName("s").logEvents(
            InputLogEvent.builder().timestamp(now - 25 * 3_600_000L).message("a").build(),
            InputLogEvent.builder().timestamp(now).message("b").build())),
        InvalidParameterException.class,
        "The batch of log events in a single PutLogEvents request cannot span more than 24 hours.");
    assertAwsError(() -> logs.putLogEvents(r -> r.logGroupName(group).logStreamName("missing").logEvents(
            InputLogEvent.builder().timestamp(now).message("a").build())),
        ResourceNotFoundException.class, "The specified log stream does not exist.");

    // Exactly 1,048,576 bytes counting 26 per event is accepted; one byte more is not.
    int count = 4;
    int each = 1_048_576 / count - 26;
    List<InputLogEvent> exact = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      exact.add(InputLogEvent.builder().timestamp(now).message("x".repeat(each)).build());
    }
    logs.putLogEvents(r -> r.logGroupName(group).logStreamName("s").logEvents(exact));
    List<InputLogEvent> over = new ArrayList<>(exact);
    over.set(0, InputLogEvent.builder().timestamp(now).message("x".repeat(each + 1)).build());
    assertThatThrownBy(() -> logs.putLogEvents(r -> r.logGroupName(group).logStreamName("s").logEvents(over)))
        .isInstanceOf(InvalidParameterException.class);

    // Too old, too new: rejected by index while the rest are stored.
    PutLogEventsResponse mixed = logs.putLogEvents(r -> r.logGroupName(group).logStreamName("s").logEvents(
        InputLogEvent.builder().timestamp(now - 15L * 86_400_000).message("old").build(),
        InputLogEvent.builder().timestamp(now - 15L * 86_400_000 + 1).message("old2").build(),
        InputLogEvent.builder().timestamp(now - 1000).message("kept").build(),
        InputLogEvent.builder().timestamp(now + 3 * 3_600_000L).message("new").build()));
    assertThat(mixed.rejectedLogEventsInfo().tooOldLogEventEndIndex()).isEqualTo(2);
    assertThat(mixed.rejectedLogEventsInfo().tooNewLogEventStartIndex()).isEqualTo(3);
    assertThat(mixed.rejectedLogEventsInfo().expiredLogEventEndIndex()).isNull();
    List<String> stored = logs.filterLogEvents(r -> r.logGroupName(group).filterPattern("\"kept\"")).events()
        .stream().map(FilteredLogEvent::message).toList();
    assertThat(stored).containsExactly("kept");
    assertThat(logs.filterLogEvents(r -> r.logGroupName(group).filterPattern("old")).events()).isEmpty();
  }

  @Test
  void filterLogEventsMergesStreamsByTimeAndPages() {
    String group = groupWithStream("a");
    logs.createLogStream(r -> r.logGroupName(group).logStreamName("b"));
    long t = System.currentTimeMillis() - 60_000;
    List<InputLogEvent> a = new ArrayList<>();
    List<InputLogEvent> b = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      (i % 2 == 0 ? a : b).add(InputLogEvent.builder().timestamp(t + i).message("msg " + i + (i % 3 == 0 ? " ERROR" : "")).build());
    }
    logs.putLogEvents(r -> r.logGroupName(group).logStreamName("a").logEvents(a));
    logs.putLogEvents(r -> r.logGroupName(group).logStreamName("b").logEvents(b));

    List<Long> timestamps = new ArrayList<>();
    String token = null;
    int pages = 0;
    do {
      String current = token;
      FilterLogEventsResponse page = logs.filterLogEvents(r -> r.logGroupName(group).limit(6).nextToken(current));
      page.events().forEach(e -> timestamps.add(e.timestamp()));
      token = page.nextToken();
      pages++;
    } while (token != null);
    assertThat(pages).isEqualTo(4);
    assertThat(timestamps).hasSize(20).isSorted();

    FilterLogEventsResponse errors = logs.filterLogEvents(r -> r.logGroupName(group).filterPattern("ERROR"));
    assertThat(errors.events()).extracting(FilteredLogEvent::message)
        .containsExactly("msg 0 ERROR", "msg 3 ERROR", "msg 6 ERROR", "msg 9 ERROR", "msg 12 ERROR", "msg 15 ERROR", "msg 18 ERROR");
    assertThat(errors.events()).allSatisfy(e -> assertThat(e.eventId()).hasSize(56));

    FilterLogEventsResponse onlyB = logs.filterLogEvents(r -> r.logGroupName(group).logStreamNames("b")
        .startTime(t + 5).endTime(t + 9));
    assertThat(onlyB.events()).extracting(FilteredLogEvent::timestamp).containsExactly(t + 5, t + 7, t + 9);

    assertAwsError(() -> logs.filterLogEvents(r -> r.logGroupName(group).nextToken("nope")),
        InvalidParameterException.class, "The specified nextToken is invalid.");
  }

  @Test
  void describeLogStreamsOrdering() {
    String group = groupWithStream("zeta");
    logs.createLogStream(r -> r.logGroupName(group).logStreamName("alpha"));
    long now = System.currentTimeMillis();
    logs.putLogEvents(r -> r.logGroupName(group).logStreamName("zeta").logEvents(InputLogEvent.builder().timestamp(now - 5000).message("z").build()));
    logs.putLogEvents(r -> r.logGroupName(group).logStreamName("alpha").logEvents(InputLogEvent.builder().timestamp(now).message("a").build()));
    assertThat(logs.describeLogStreams(r -> r.logGroupName(group)).logStreams())
        .extracting(LogStream::logStreamName).containsExactly("alpha", "zeta");
    assertThat(logs.describeLogStreams(r -> r.logGroupName(group).orderBy(OrderBy.LAST_EVENT_TIME).descending(true)).logStreams())
        .extracting(LogStream::logStreamName).containsExactly("alpha", "zeta");
    assertThat(logs.describeLogStreams(r -> r.logGroupIdentifier("arn:aws:logs:us-east-1:000000000000:log-group:" + group)).logStreams())
        .hasSize(2);
    assertAwsError(() -> logs.describeLogStreams(r -> r.logGroupName(group).orderBy(OrderBy.LAST_EVENT_TIME).logStreamNamePrefix("a")),
        InvalidParameterException.class, "Cannot order by LastEventTime with a logStreamNamePrefix.");
    assertAwsError(() -> logs.createLogStream(r -> r.logGroupName(group).logStreamName("alpha")),
        ResourceAlreadyExistsException.class, "The specified log stream already exists");
    assertThat(logs.describeLogStreams(r -> r.logGroupName(group).logStreamNamePrefix("nothing")).logStreams()).isEmpty();
  }

  @Test
  void describeLogStreamsPagesInEveryOrder() {
    String group = groupWithStream("s0");
    long now = System.currentTimeMillis();
    for (int i = 1; i < 7; i++) {
      String name = "s" + i;
      logs.createLogStream(r -> r.logGroupName(group).logStreamName(name));
    }
    for (int i = 0; i < 7; i++) {
      String name = "s" + i;
      long ts = now - 10_000 + (i * 3 % 7) * 1000; // last event times in a different order than names
      logs.putLogEvents(r -> r.logGroupName(group).logStreamName(name)
          .logEvents(InputLogEvent.builder().timestamp(ts).message("x").build()));
    }
    assertThat(streamNames(group, false, false)).containsExactly("s0", "s1", "s2", "s3", "s4", "s5", "s6");
    assertThat(streamNames(group, false, true)).containsExactly("s6", "s5", "s4", "s3", "s2", "s1", "s0");
    // (i * 3 % 7) orders s0, s5, s3, s1, s6, s4, s2 by last event time.
    assertThat(streamNames(group, true, false)).containsExactly("s0", "s5", "s3", "s1", "s6", "s4", "s2");
    assertThat(streamNames(group, true, true)).containsExactly("s2", "s4", "s6", "s1", "s3", "s5", "s0");
    assertAwsError(() -> logs.describeLogStreams(r -> r.logGroupName(group).nextToken("bogus")),
        InvalidParameterException.class, "The specified nextToken is invalid.");
  }

  static List<String> streamNames(String group, boolean byTime, boolean descending) {
    List<String> names = new ArrayList<>();
    logs.describeLogStreamsPaginator(r -> r.logGroupName(group).limit(3).descending(descending)
            .orderBy(byTime ? OrderBy.LAST_EVENT_TIME : OrderBy.LOG_STREAM_NAME))
        .logStreams().forEach(s -> names.add(s.logStreamName()));
    return names;
  }

  @Test
  void retentionPolicyExpiresEventsInTheBackground() {
    String group = groupWithStream("s");
    long now = System.currentTimeMillis();
    logs.putLogEvents(r -> r.logGroupName(group).logStreamName("s").logEvents(
        InputLogEvent.builder().timestamp(now - 3 * 86_400_000L).message("three days old").build(),
        InputLogEvent.builder().timestamp(now - 2 * 86_400_000L).message("two days old").build()));
    logs.putLogEvents(r -> r.logGroupName(group).logStreamName("s").logEvents(
        InputLogEvent.builder().timestamp(now).message("fresh").build()));
    assertAwsError(() -> logs.putRetentionPolicy(r -> r.logGroupName(group).retentionInDays(2)),
        InvalidParameterException.class,
        "1 validation error detected: Value '2' at 'retentionInDays' failed to satisfy constraint: Member must "
            + "satisfy enum value set: [1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, "
            + "2192, 2557, 2922, 3288, 3653]");
    logs.putRetentionPolicy(r -> r.logGroupName(group).retentionInDays(1));
    assertThat(logs.describeLogGroups(r -> r.logGroupNamePrefix(group)).logGroups().get(0).retentionInDays()).isEqualTo(1);

    server.server.service().retentionSweeper().sweep();
    assertThat(logs.getLogEvents(r -> r.logGroupName(group).logStreamName("s").startFromHead(true)).events())
        .extracting(OutputLogEvent::message).containsExactly("fresh");
    assertThat(logs.describeLogGroups(r -> r.logGroupNamePrefix(group)).logGroups().get(0).storedBytes()).isEqualTo(5);

    // An event older than the retention period is rejected as expired.
    PutLogEventsResponse expired = logs.putLogEvents(r -> r.logGroupName(group).logStreamName("s").logEvents(
        InputLogEvent.builder().timestamp(now - 2 * 86_400_000L).message("expired").build(),
        InputLogEvent.builder().timestamp(now).message("ok").build()));
    assertThat(expired.rejectedLogEventsInfo().expiredLogEventEndIndex()).isEqualTo(1);
    logs.deleteRetentionPolicy(r -> r.logGroupName(group));
    assertThat(logs.describeLogGroups(r -> r.logGroupNamePrefix(group)).logGroups().get(0).retentionInDays()).isNull();
  }

  @Test
  void tagsByGroupAndByArn() {
    String group = unique("/conformance/tags");
    logs.createLogGroup(r -> r.logGroupName(group));
    String arn = "arn:aws:logs:us-east-1:000000000000:log-group:" + group;
    logs.tagResource(r -> r.resourceArn(arn).tags(Map.of("a", "1", "b", "2")));
    logs.untagResource(r -> r.resourceArn(arn).tagKeys("a"));
    logs.tagLogGroup(r -> r.logGroupName(group).tags(Map.of("c", "3")));
    assertThat(logs.listTagsForResource(r -> r.resourceArn(arn)).tags()).isEqualTo(Map.of("b", "2", "c", "3"));
    logs.untagLogGroup(r -> r.logGroupName(group).tags("c"));
    assertThat(logs.listTagsLogGroup(r -> r.logGroupName(group)).tags()).isEqualTo(Map.of("b", "2"));
  }

  @Test
  void tenantsAreIsolatedByRegionAndAccount() {
    String group = unique("/conformance/tenant");
    logs.createLogGroup(r -> r.logGroupName(group));
    try (CloudWatchLogsClient west = server.client("AKIDEXAMPLE", "secret", software.amazon.awssdk.regions.Region.US_WEST_2)) {
      assertThat(west.describeLogGroups(r -> r.logGroupNamePrefix(group)).logGroups()).isEmpty();
      west.createLogGroup(r -> r.logGroupName(group));
      assertThat(west.describeLogGroups(r -> r.logGroupNamePrefix(group)).logGroups().get(0).arn())
          .startsWith("arn:aws:logs:us-west-2:000000000000:");
    }
  }

  @Test
  void asyncClientRoundTrip() throws Exception {
    String group = unique("/conformance/async");
    try (CloudWatchLogsAsyncClient async = server.asyncClient()) {
      async.createLogGroup(r -> r.logGroupName(group)).get();
      async.createLogStream(r -> r.logGroupName(group).logStreamName("s")).get();
      long now = System.currentTimeMillis();
      async.putLogEvents(r -> r.logGroupName(group).logStreamName("s").logEvents(events(now, 3, "async"))).get();
      assertThat(async.getLogEvents(r -> r.logGroupName(group).logStreamName("s").startFromHead(true)).get().events())
          .extracting(OutputLogEvent::message).containsExactly("async 0", "async 1", "async 2");
    }
  }

  @Test
  void rawProtocolErrorsAndLeniency() throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    HttpResponse<String> unknown = post(http, "Logs_20140328.NoSuchThing", "{}");
    assertThat(unknown.statusCode()).isEqualTo(400);
    assertThat(unknown.body()).contains("\"__type\":\"UnknownOperationException\"");
    assertThat(unknown.headers().firstValue("x-amzn-ErrorType")).contains("UnknownOperationException");
    assertThat(unknown.headers().firstValue("x-amzn-RequestId")).isPresent();

    HttpResponse<String> malformed = post(http, "Logs_20140328.DescribeLogGroups", "{not json");
    assertThat(malformed.statusCode()).isEqualTo(400);
    assertThat(malformed.body()).contains("SerializationException");

    HttpResponse<String> wrongType = post(http, "Logs_20140328.DescribeLogGroups", "{\"limit\": {\"a\": 1}}");
    assertThat(wrongType.body()).contains("SerializationException");

    String group = unique("/conformance/raw");
    assertThat(post(http, "Logs_20140328.CreateLogGroup", "{\"logGroupName\":\"" + group + "\",\"unknownMember\":1}").statusCode()).isEqualTo(200);
    post(http, "Logs_20140328.CreateLogStream", "{\"logStreamName\":\"s\",\"logGroupName\":\"" + group + "\"}");
    long now = System.currentTimeMillis();
    // CloudWatchLogs.jl sends "sequenceToken": null; Electric Imp sends timestamps as strings.
    HttpResponse<String> put = post(http, "Logs_20140328.PutLogEvents",
        "{\"logGroupName\":\"" + group + "\",\"logStreamName\":\"s\",\"sequenceToken\":null,"
            + "\"logEvents\":[{\"timestamp\":\"" + now + "\",\"message\":\"from a string timestamp\"}]}");
    assertThat(put.statusCode()).isEqualTo(200);
    assertThat(put.body()).contains("nextSequenceToken");

    HttpResponse<String> streams = post(http, "Logs_20140328.DescribeLogStreams",
        "{\"logGroupName\":\"" + group + "\",\"logStreamNamePrefix\":\"none\"}");
    assertThat(streams.body()).contains("\"logStreams\":[]");

    HttpResponse<String> health = http.send(HttpRequest.newBuilder(server.endpoint.resolve("/health")).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(health.statusCode()).isEqualTo(200);

    HttpResponse<String> notImplemented = post(http, "Logs_20140328.StartLiveTail", "{}");
    assertThat(notImplemented.statusCode()).isEqualTo(501);
    assertThat(notImplemented.body()).contains("StartLiveTail");
  }

  private static HttpResponse<String> post(HttpClient http, String target, String body) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create(server.endpoint + "/"))
            .header("X-Amz-Target", target)
            .header("Content-Type", "application/x-amz-json-1.1")
            .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
