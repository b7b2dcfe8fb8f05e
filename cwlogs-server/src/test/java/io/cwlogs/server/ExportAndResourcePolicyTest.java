package io.cwlogs.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.cloudwatchlogs.model.ExportTask;
import software.amazon.awssdk.services.cloudwatchlogs.model.ExportTaskStatusCode;
import software.amazon.awssdk.services.cloudwatchlogs.model.InputLogEvent;
import software.amazon.awssdk.services.cloudwatchlogs.model.InvalidOperationException;
import software.amazon.awssdk.services.cloudwatchlogs.model.InvalidParameterException;
import software.amazon.awssdk.services.cloudwatchlogs.model.LimitExceededException;
import software.amazon.awssdk.services.cloudwatchlogs.model.OutputLogEvent;
import software.amazon.awssdk.services.cloudwatchlogs.model.PolicyScope;
import software.amazon.awssdk.services.cloudwatchlogs.model.ResourceNotFoundException;
import software.amazon.awssdk.services.cloudwatchlogs.model.ResourcePolicy;

/** Export tasks writing real files, and resource policies, through the AWS SDK against a running cwlogs. */
class ExportAndResourcePolicyTest {

  @TempDir Path exportRoot;
  TestServer server;
  CloudWatchLogsClient logs;

  @BeforeEach
  void setUp() throws Exception {
    server = TestServer.start("--export-dir", exportRoot.toString());
    logs = server.client();
  }

  @AfterEach
  void tearDown() throws Exception {
    logs.close();
    server.close();
  }

  ExportTask awaitEnd(String taskId) throws InterruptedException {
    return Subscriber.await(
        () -> logs.describeExportTasks(b -> b.taskId(taskId)).exportTasks().get(0),
        t -> t.status().code() != ExportTaskStatusCode.PENDING && t.status().code() != ExportTaskStatusCode.RUNNING,
        Duration.ofSeconds(15));
  }

  @Test
  void exportWritesWhatGetLogEventsReturnsInAwsLayout() throws Exception {
    Files.createDirectories(exportRoot.resolve("bucket"));
    logs.createLogGroup(b -> b.logGroupName("/app"));
    long now = System.currentTimeMillis();
    for (String stream : List.of("web-1", "web-2", "worker-1")) {
      logs.createLogStream(b -> b.logGroupName("/app").logStreamName(stream));
      List<InputLogEvent> events = new ArrayList<>();
      for (int i = 0; i < 100; i++) {
        events.add(InputLogEvent.builder().timestamp(now - 100_000 + i * 1000L).message(stream + " line " + i + " \u00e9").build());
      }
      logs.putLogEvents(b -> b.logGroupName("/app").logStreamName(stream).logEvents(events));
    }
    long from = now - 90_000;
    long to = now - 20_000;
    String taskId = logs.createExportTask(b -> b.taskName("t").logGroupName("/app").logStreamNamePrefix("web-")
        .from(from).to(to).destination("bucket").destinationPrefix("exports/app")).taskId();
    assertThat(taskId).matches("[0-9a-f-]{36}");

    ExportTask task = awaitEnd(taskId);
    assertThat(task.status().code()).isEqualTo(ExportTaskStatusCode.COMPLETED);
    assertThat(task.taskName()).isEqualTo("t");
    assertThat(task.destinationPrefix()).isEqualTo("exports/app");
    assertThat(task.executionInfo().completionTime()).isGreaterThanOrEqualTo(task.executionInfo().creationTime());
    assertThat(Files.readString(exportRoot.resolve("bucket/exports/app/aws-logs-write-test")))
        .isEqualTo("Permission Check Successful");

    Path taskDir = exportRoot.resolve("bucket/exports/app").resolve(taskId);
    try (Stream<Path> dirs = Files.list(taskDir)) {
      assertThat(dirs.map(p -> p.getFileName().toString()).sorted()).containsExactly("web-1", "web-2");
    }
    for (String stream : List.of("web-1", "web-2")) {
      List<OutputLogEvent> expected = logs.getLogEvents(b -> b.logGroupName("/app").logStreamName(stream)
          .startTime(from).endTime(to + 1).startFromHead(true)).events();
      assertThat(expected).hasSize(71);
      StringBuilder lines = new StringBuilder();
      for (OutputLogEvent e : expected) {
        lines.append(AWS_TIME.format(Instant.ofEpochMilli(e.timestamp()))).append(' ').append(e.message()).append('\n');
      }
      byte[] gz = Files.readAllBytes(taskDir.resolve(stream).resolve("000000.gz"));
      assertThat(new String(Subscriber.gunzip(gz), StandardCharsets.UTF_8)).isEqualTo(lines.toString());
    }
  }

  /** AWS's exported line: {@code 2024-05-01T12:00:00.000Z message}. */
  static final java.time.format.DateTimeFormatter AWS_TIME =
      java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(java.time.ZoneOffset.UTC);

  @Test
  void exportTaskRules() throws Exception {
    Files.createDirectories(exportRoot.resolve("bucket"));
    assertThatThrownBy(() -> logs.createExportTask(b -> b.logGroupName("nope").from(0L).to(1L).destination("bucket")))
        .isInstanceOf(ResourceNotFoundException.class).hasMessageContaining("The specified log group does not exist.");
    logs.createLogGroup(b -> b.logGroupName("g"));
    assertThatThrownBy(() -> logs.createExportTask(b -> b.logGroupName("g").from(0L).to(1L).destination("missing")))
        .isInstanceOf(InvalidParameterException.class)
        .hasMessageContaining("The given bucket does not exist. Please make sure the bucket is valid.");
    assertThatThrownBy(() -> logs.createExportTask(b -> b.logGroupName("g").from(10L).to(1L).destination("bucket")))
        .isInstanceOf(InvalidParameterException.class);

    String first = logs.createExportTask(b -> b.logGroupName("g").from(0L).to(1L).destination("bucket")).taskId();
    assertThat(Files.readString(exportRoot.resolve("bucket/aws-logs-write-test"))).isEqualTo("Permission Check Successful");
    ExportTask done = awaitEnd(first);
    assertThat(done.status().code()).isEqualTo(ExportTaskStatusCode.COMPLETED);
    assertThat(done.destinationPrefix()).isEqualTo("exportedlogs");
    assertThatThrownBy(() -> logs.cancelExportTask(b -> b.taskId(first)))
        .isInstanceOf(InvalidOperationException.class)
        .hasMessageContaining("The specified export task has already finished.");
    assertThatThrownBy(() -> logs.cancelExportTask(b -> b.taskId("no-such-task")))
        .isInstanceOf(ResourceNotFoundException.class);

    assertThat(logs.describeExportTasks(b -> b.statusCode(ExportTaskStatusCode.COMPLETED)).exportTasks()).hasSize(1);
    assertThat(logs.describeExportTasks(b -> b.statusCode(ExportTaskStatusCode.CANCELLED)).exportTasks()).isEmpty();
    assertThat(logs.describeExportTasks(b -> b.taskId("no-such-task")).exportTasks()).isEmpty();
  }

  @Test
  void oneActiveTaskPerAccountAndCancelStopsIt() throws Exception {
    Files.createDirectories(exportRoot.resolve("bucket"));
    logs.createLogGroup(b -> b.logGroupName("g"));
    // Many streams keep the worker busy long enough for a second create and a cancel to see it active.
    for (int i = 0; i < 300; i++) {
      String name = "s" + i;
      logs.createLogStream(b -> b.logGroupName("g").logStreamName(name));
    }
    String first = logs.createExportTask(b -> b.logGroupName("g").from(0L).to(Long.MAX_VALUE / 2).destination("bucket")).taskId();
    try {
      String second = logs.createExportTask(b -> b.logGroupName("g").from(0L).to(1L).destination("bucket")).taskId();
      // Accepted only because the first had already ended: never two active tasks at once.
      ExportTask ended = awaitEnd(first);
      ExportTask next = logs.describeExportTasks(b -> b.taskId(second)).exportTasks().get(0);
      assertThat(ended.executionInfo().completionTime()).isLessThanOrEqualTo(next.executionInfo().creationTime());
      awaitEnd(second);
    } catch (LimitExceededException whileActive) {
      assertThat(whileActive).hasMessageContaining("Resource limit exceeded.");
      try {
        logs.cancelExportTask(b -> b.taskId(first));
        assertThat(awaitEnd(first).status().code()).isEqualTo(ExportTaskStatusCode.CANCELLED);
      } catch (InvalidOperationException finishedFirst) {
        assertThat(awaitEnd(first).status().code()).isEqualTo(ExportTaskStatusCode.COMPLETED);
      }
    }
    awaitEnd(first);
    // Once the first has ended, another may start.
    logs.createExportTask(b -> b.logGroupName("g").from(0L).to(1L).destination("bucket"));
  }

  @Test
  void resourcePolicies() {
    String doc = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"Route53LogsToCloudWatchLogs\",\"Effect\":\"Allow\","
        + "\"Principal\":{\"Service\":[\"route53.amazonaws.com\"]},\"Action\":\"logs:PutLogEvents\",\"Resource\":\"*\"}]}";
    ResourcePolicy put = logs.putResourcePolicy(b -> b.policyName("p0").policyDocument(doc)).resourcePolicy();
    assertThat(put.policyName()).isEqualTo("p0");
    assertThat(put.policyDocument()).isEqualTo(doc);
    assertThat(put.policyScope()).isEqualTo(PolicyScope.ACCOUNT);
    assertThat(put.lastUpdatedTime()).isPositive();
    for (int i = 1; i < 10; i++) {
      String name = "p" + i;
      logs.putResourcePolicy(b -> b.policyName(name).policyDocument(doc));
    }
    assertThatThrownBy(() -> logs.putResourcePolicy(b -> b.policyName("p10").policyDocument(doc)))
        .isInstanceOf(LimitExceededException.class).hasMessageContaining("Resource limit exceeded.");
    logs.putResourcePolicy(b -> b.policyName("p3").policyDocument(doc)); // an update is not a new one
    assertThatThrownBy(() -> logs.putResourcePolicy(b -> b.policyName("p3").policyDocument("{" + " ".repeat(5120) + "}")))
        .isInstanceOf(LimitExceededException.class);
    assertThatThrownBy(() -> logs.putResourcePolicy(b -> b.policyName("p3").policyDocument("not json")))
        .isInstanceOf(InvalidParameterException.class);

    var all = logs.describeResourcePolicies(b -> b.build()).resourcePolicies();
    assertThat(all).hasSize(10).extracting(ResourcePolicy::policyName).startsWith("p0", "p1");
    var page = logs.describeResourcePolicies(b -> b.limit(4));
    assertThat(page.resourcePolicies()).hasSize(4);
    assertThat(logs.describeResourcePolicies(b -> b.limit(50).nextToken(page.nextToken())).resourcePolicies()).hasSize(6);

    logs.deleteResourcePolicy(b -> b.policyName("p0"));
    assertThatThrownBy(() -> logs.deleteResourcePolicy(b -> b.policyName("p0")))
        .isInstanceOf(ResourceNotFoundException.class).hasMessageContaining("Policy with name [p0] does not exist");
    logs.putResourcePolicy(b -> b.policyName("p10").policyDocument(doc));
    assertThat(logs.describeResourcePolicies(b -> b.build()).resourcePolicies()).hasSize(10);
  }
}
