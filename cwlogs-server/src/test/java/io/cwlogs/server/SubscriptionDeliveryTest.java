package io.cwlogs.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.cloudwatchlogs.model.AccessDeniedException;
import software.amazon.awssdk.services.cloudwatchlogs.model.Distribution;
import software.amazon.awssdk.services.cloudwatchlogs.model.FilteredLogEvent;
import software.amazon.awssdk.services.cloudwatchlogs.model.InputLogEvent;
import software.amazon.awssdk.services.cloudwatchlogs.model.InvalidParameterException;
import software.amazon.awssdk.services.cloudwatchlogs.model.LimitExceededException;
import software.amazon.awssdk.services.cloudwatchlogs.model.ResourceNotFoundException;
import software.amazon.awssdk.services.cloudwatchlogs.model.SubscriptionFilter;

/**
 * Subscription filters and destinations through the AWS SDK against a running cwlogs: the API's rules,
 * and real delivery to an HTTP subscriber and a directory, in AWS's payload format, across a restart.
 */
class SubscriptionDeliveryTest {

  static final String ROLE = "arn:aws:iam::000000000000:role/cwl";
  static final String KINESIS = "arn:aws:kinesis:us-east-1:000000000000:stream/orders";
  static final String FIREHOSE = "arn:aws:firehose:us-east-1:000000000000:deliverystream/fh";
  static final String LAMBDA = "arn:aws:lambda:us-east-1:000000000000:function:handler";
  static final String CENTRAL_KINESIS = "arn:aws:kinesis:us-east-1:111111111111:stream/central";
  static final Duration WAIT = Duration.ofSeconds(15);

  @TempDir Path dataDir;
  Subscriber subscriber;
  Subscriber lambda;
  Subscriber firehose;
  CwlogsServer server;
  CloudWatchLogsClient logs;

  @BeforeEach
  void setUp() throws Exception {
    subscriber = new Subscriber();
    lambda = new Subscriber();
    firehose = new Subscriber();
    start();
  }

  @AfterEach
  void tearDown() throws Exception {
    stop();
    subscriber.close();
    lambda.close();
    firehose.close();
  }

  void start() throws Exception {
    String routes = String.join(",",
        KINESIS + "=" + subscriber.url(),
        CENTRAL_KINESIS + "=" + subscriber.url(),
        LAMBDA + "=" + lambda.url(),
        FIREHOSE + "=" + firehose.url());
    server = CwlogsServer.start(ServerOptions.parse(List.of(
        "--host", "127.0.0.1", "--port", "0", "--data-dir", dataDir.resolve("data").toString(),
        "--access-keys", "AKIDCENTRAL:s:111111111111,AKIDMEMBER:s:222222222222",
        "--subscription-routes", routes,
        "--subscription-dir", dataDir.resolve("subs").toString()), Map.of()));
    logs = client("AKIDEXAMPLE");
  }

  void stop() throws Exception {
    if (server != null) {
      logs.close();
      server.close();
      server = null;
    }
  }

  CloudWatchLogsClient client(String key) {
    return CloudWatchLogsClient.builder()
        .endpointOverride(URI.create("http://127.0.0.1:" + server.port()))
        .region(Region.US_EAST_1)
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(key, "s")))
        .build();
  }

  void groupAndStream(CloudWatchLogsClient c, String group, String stream) {
    c.createLogGroup(b -> b.logGroupName(group));
    c.createLogStream(b -> b.logGroupName(group).logStreamName(stream));
  }

  void put(CloudWatchLogsClient c, String group, String stream, String... messages) {
    long now = System.currentTimeMillis();
    List<InputLogEvent> events = new ArrayList<>();
    for (String m : messages) {
      events.add(InputLogEvent.builder().timestamp(now).message(m).build());
    }
    c.putLogEvents(b -> b.logGroupName(group).logStreamName(stream).logEvents(events));
  }

  @Test
  void putDescribeDeleteFollowAwsRules() {
    assertThatThrownBy(() -> logs.putSubscriptionFilter(b -> b.logGroupName("nope").filterName("f")
        .filterPattern("").destinationArn(KINESIS).roleArn(ROLE)))
        .isInstanceOf(ResourceNotFoundException.class).hasMessageContaining("The specified log group does not exist.");
    logs.createLogGroup(b -> b.logGroupName("g"));
    assertThatThrownBy(() -> logs.putSubscriptionFilter(b -> b.logGroupName("g").filterName("f")
        .filterPattern("").destinationArn(KINESIS)))
        .isInstanceOf(InvalidParameterException.class)
        .hasMessageContaining("destinationArn for vendor kinesis cannot be used without roleArn");
    assertThatThrownBy(() -> logs.putSubscriptionFilter(b -> b.logGroupName("g").filterName("f")
        .filterPattern("").destinationArn("arn:aws:sqs:us-east-1:000000000000:q")))
        .isInstanceOf(InvalidParameterException.class)
        .hasMessageContaining("PutSubscriptionFilter operation cannot work with destinationArn for vendor sqs");

    logs.putSubscriptionFilter(b -> b.logGroupName("g").filterName("b-filter").filterPattern("ERROR")
        .destinationArn(KINESIS).roleArn(ROLE).distribution(Distribution.RANDOM));
    logs.putSubscriptionFilter(b -> b.logGroupName("g").filterName("a-filter").filterPattern("")
        .destinationArn(LAMBDA));
    assertThatThrownBy(() -> logs.putSubscriptionFilter(b -> b.logGroupName("g").filterName("c")
        .filterPattern("").destinationArn(LAMBDA)))
        .isInstanceOf(LimitExceededException.class).hasMessageContaining("Resource limit exceeded.");
    // Putting an existing name again updates it: no limit error, creation time kept.
    long created = logs.describeSubscriptionFilters(b -> b.logGroupName("g")).subscriptionFilters().get(0).creationTime();
    logs.putSubscriptionFilter(b -> b.logGroupName("g").filterName("a-filter").filterPattern("WARN")
        .destinationArn(LAMBDA));

    List<SubscriptionFilter> filters = logs.describeSubscriptionFilters(b -> b.logGroupName("g")).subscriptionFilters();
    assertThat(filters).extracting(SubscriptionFilter::filterName).containsExactly("a-filter", "b-filter");
    assertThat(filters.get(0).filterPattern()).isEqualTo("WARN");
    assertThat(filters.get(0).creationTime()).isEqualTo(created);
    assertThat(filters.get(0).roleArn()).isNull();
    assertThat(filters.get(0).distribution()).isEqualTo(Distribution.BY_LOG_STREAM);
    assertThat(filters.get(1).roleArn()).isEqualTo(ROLE);
    assertThat(filters.get(1).distribution()).isEqualTo(Distribution.RANDOM);
    assertThat(filters.get(1).logGroupName()).isEqualTo("g");
    assertThat(logs.describeSubscriptionFilters(b -> b.logGroupName("g").filterNamePrefix("b")).subscriptionFilters())
        .extracting(SubscriptionFilter::filterName).containsExactly("b-filter");
    var page = logs.describeSubscriptionFilters(b -> b.logGroupName("g").limit(1));
    assertThat(page.subscriptionFilters()).hasSize(1);
    assertThat(logs.describeSubscriptionFilters(b -> b.logGroupName("g").nextToken(page.nextToken())).subscriptionFilters())
        .extracting(SubscriptionFilter::filterName).containsExactly("b-filter");

    logs.deleteSubscriptionFilter(b -> b.logGroupName("g").filterName("a-filter"));
    assertThatThrownBy(() -> logs.deleteSubscriptionFilter(b -> b.logGroupName("g").filterName("a-filter")))
        .isInstanceOf(ResourceNotFoundException.class)
        .hasMessageContaining("The specified subscription filter does not exist.");
    assertThat(logs.describeSubscriptionFilters(b -> b.logGroupName("g")).subscriptionFilters()).hasSize(1);
  }

  @Test
  void deliversMatchingEventsInAwsPayloadFormat() throws Exception {
    groupAndStream(logs, "/app/web", "web-1");
    logs.putSubscriptionFilter(b -> b.logGroupName("/app/web").filterName("errors").filterPattern("ERROR")
        .destinationArn(KINESIS).roleArn(ROLE));
    put(logs, "/app/web", "web-1", "INFO started", "ERROR disk full", "ERROR \"quoted\" \u00e9", "DEBUG x");

    List<String> payloads = Subscriber.await(subscriber::payloads, p -> p.size() >= 2, WAIT);
    assertThat(payloads).hasSize(2);
    // First the health check AWS sends to a new Kinesis destination.
    assertThat(payloads.get(0)).matches(
        "\\{\"messageType\":\"CONTROL_MESSAGE\",\"owner\":\"CloudwatchLogs\",\"logGroup\":\"\",\"logStream\":\"\","
            + "\"subscriptionFilters\":\\[\\],\"logEvents\":\\[\\{\"id\":\"\",\"timestamp\":\\d+,"
            + "\"message\":\"CWL CONTROL MESSAGE: Checking health of destination Kinesis stream.\"\\}\\]\\}");
    List<FilteredLogEvent> expected =
        logs.filterLogEvents(b -> b.logGroupName("/app/web").filterPattern("ERROR")).events();
    assertThat(expected).hasSize(2);
    StringBuilder events = new StringBuilder();
    for (FilteredLogEvent e : expected) {
      events.append(events.isEmpty() ? "" : ",")
          .append("{\"id\":\"").append(e.eventId()).append("\",\"timestamp\":").append(e.timestamp())
          .append(",\"message\":").append(Subscriber.JSON.writeValueAsString(e.message())).append('}');
    }
    // Byte for byte, AWS's DATA_MESSAGE: member order, compact JSON, ids as FilterLogEvents reports them.
    assertThat(payloads.get(1)).isEqualTo(
        "{\"messageType\":\"DATA_MESSAGE\",\"owner\":\"000000000000\",\"logGroup\":\"/app/web\","
            + "\"logStream\":\"web-1\",\"subscriptionFilters\":[\"errors\"],\"logEvents\":[" + events + "]}");
    assertThat(subscriber.posts.get(1).header("X-Cwlogs-Partition-Key")).isEqualTo("web-1");

    String metrics = new String(
        URI.create("http://127.0.0.1:" + server.port() + "/metrics").toURL().openStream().readAllBytes(),
        StandardCharsets.UTF_8);
    assertThat(metrics).contains("cwlogs_subscription_delivered_events_total 2");
  }

  @Test
  void lambdaGetsTheAwslogsEnvelopeAndFirehoseItsHttpEndpointRequest() throws Exception {
    groupAndStream(logs, "g", "s");
    logs.putSubscriptionFilter(b -> b.logGroupName("g").filterName("to-lambda").filterPattern("")
        .destinationArn(LAMBDA));
    logs.putSubscriptionFilter(b -> b.logGroupName("g").filterName("to-firehose").filterPattern("")
        .destinationArn(FIREHOSE).roleArn(ROLE));
    put(logs, "g", "s", "hello");

    Subscriber.await(() -> lambda.posts.size(), n -> n >= 1, WAIT);
    JsonNode invocation = Subscriber.json(lambda.posts.get(0).body());
    assertThat(invocation.fieldNames()).toIterable().containsExactly("awslogs");
    JsonNode data = Subscriber.json(Subscriber.gunzip(Base64.getDecoder().decode(invocation.at("/awslogs/data").asText())));
    assertThat(data.get("messageType").asText()).isEqualTo("DATA_MESSAGE");
    assertThat(data.get("subscriptionFilters").get(0).asText()).isEqualTo("to-lambda");
    assertThat(data.at("/logEvents/0/message").asText()).isEqualTo("hello");
    assertThat(lambda.posts).hasSize(1); // no control message for Lambda

    Subscriber.await(() -> firehose.posts.size(), n -> n >= 2, WAIT);
    List<String> messageTypes = new ArrayList<>();
    for (Subscriber.Post post : firehose.posts) {
      assertThat(post.header("X-Amz-Firehose-Request-Id")).isNotBlank();
      JsonNode request = Subscriber.json(post.body());
      assertThat(request.get("requestId").asText()).isEqualTo(post.header("X-Amz-Firehose-Request-Id"));
      JsonNode payload = Subscriber.json(Subscriber.gunzip(Base64.getDecoder().decode(request.at("/records/0/data").asText())));
      messageTypes.add(payload.get("messageType").asText());
      if (payload.get("messageType").asText().equals("CONTROL_MESSAGE")) {
        assertThat(payload.at("/logEvents/0/message").asText())
            .isEqualTo("CWL CONTROL MESSAGE: Checking health of destination Firehose.");
      }
    }
    assertThat(messageTypes).containsExactly("CONTROL_MESSAGE", "DATA_MESSAGE");
  }

  @Test
  void unroutedArnDeliversToAFileUnderTheSubscriptionDirectory() throws Exception {
    String arn = "arn:aws:kinesis:us-east-1:000000000000:stream/unrouted";
    groupAndStream(logs, "g", "s");
    logs.putSubscriptionFilter(b -> b.logGroupName("g").filterName("f").filterPattern("")
        .destinationArn(arn).roleArn(ROLE));
    put(logs, "g", "s", "one", "two");
    Path file = dataDir.resolve("subs").resolve("arn_aws_kinesis_us-east-1_000000000000_stream_unrouted")
        .resolve("deliveries.ndjson");
    List<String> lines = Subscriber.await(
        () -> Files.exists(file) ? readLines(file) : List.of(), l -> l.size() >= 2, WAIT);
    assertThat(lines).hasSize(2);
    assertThat(Subscriber.json(lines.get(0).getBytes(StandardCharsets.UTF_8)).get("messageType").asText())
        .isEqualTo("CONTROL_MESSAGE");
    JsonNode data = Subscriber.json(lines.get(1).getBytes(StandardCharsets.UTF_8));
    assertThat(data.get("logEvents")).extracting(e -> e.get("message").asText()).containsExactly("one", "two");
  }

  private static List<String> readLines(Path file) {
    try {
      return Files.readAllLines(file);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @Test
  void nothingIsLostAcrossARestartWhileTheSubscriberIsDown() throws Exception {
    groupAndStream(logs, "g", "a");
    logs.createLogStream(b -> b.logGroupName("g").logStreamName("b"));
    logs.putSubscriptionFilter(b -> b.logGroupName("g").filterName("f").filterPattern("keep")
        .destinationArn(KINESIS).roleArn(ROLE));
    put(logs, "g", "a", "keep a1", "drop a1", "keep a2");
    Subscriber.await(subscriber::dataMessages, m -> m.size() >= 2, WAIT);

    subscriber.failWith = 503; // the subscriber goes down; deliveries now fail and are retried
    put(logs, "g", "a", "keep a3", "drop a2");
    put(logs, "g", "b", "keep b1");
    Subscriber.await(() -> server.service().backgroundMetricsText(),
        t -> !t.contains("cwlogs_subscription_delivery_failures_total 0"), WAIT);
    stop(); // with deliveries still owed

    start();
    subscriber.failWith = 0;
    put(logs, "g", "a", "keep a4");
    put(logs, "g", "b", "drop b2", "keep b2");

    List<String> all = Subscriber.await(subscriber::dataMessages, m -> m.size() >= 6, WAIT);
    Thread.sleep(300); // and nothing more (no duplicates) arrives
    all = subscriber.dataMessages();
    assertThat(all).containsExactlyInAnyOrder("keep a1", "keep a2", "keep a3", "keep a4", "keep b1", "keep b2");
    assertThat(all.stream().filter(m -> m.endsWith("a1") || m.endsWith("a2") || m.endsWith("a3") || m.endsWith("a4")).toList())
        .containsExactly("keep a1", "keep a2", "keep a3", "keep a4");
    assertThat(all.stream().filter(m -> m.contains(" b")).toList()).containsExactly("keep b1", "keep b2");
  }

  @Test
  void crossAccountSubscriptionIsGovernedByTheDestinationsAccessPolicy() throws Exception {
    CloudWatchLogsClient central = client("AKIDCENTRAL");
    CloudWatchLogsClient member = client("AKIDMEMBER");
    var created = central.putDestination(b -> b.destinationName("central").targetArn(CENTRAL_KINESIS).roleArn(ROLE))
        .destination();
    String destinationArn = "arn:aws:logs:us-east-1:111111111111:destination:central";
    assertThat(created.arn()).isEqualTo(destinationArn);
    assertThat(created.accessPolicy()).isNull();
    groupAndStream(member, "member-app", "s");

    assertThatThrownBy(() -> member.putSubscriptionFilter(b -> b.logGroupName("member-app").filterName("f")
        .filterPattern("").destinationArn(destinationArn)))
        .isInstanceOf(AccessDeniedException.class)
        .hasMessageContaining("User with accountId: 222222222222 is not authorized to perform: "
            + "logs:PutSubscriptionFilter on resource: " + destinationArn);

    String otherAccountOnly = policy("333333333333", destinationArn);
    central.putDestinationPolicy(b -> b.destinationName("central").accessPolicy(otherAccountOnly));
    assertThatThrownBy(() -> member.putSubscriptionFilter(b -> b.logGroupName("member-app").filterName("f")
        .filterPattern("").destinationArn(destinationArn)))
        .isInstanceOf(AccessDeniedException.class);

    central.putDestinationPolicy(b -> b.destinationName("central").accessPolicy(policy("222222222222", destinationArn)));
    assertThat(central.describeDestinations(b -> b.destinationNamePrefix("cen")).destinations().get(0).accessPolicy())
        .contains("222222222222");
    member.putSubscriptionFilter(b -> b.logGroupName("member-app").filterName("f").filterPattern("")
        .destinationArn(destinationArn));
    put(member, "member-app", "s", "from the member account");
    List<String> payloads = Subscriber.await(subscriber::payloads,
        p -> p.stream().anyMatch(s -> s.contains("DATA_MESSAGE")), WAIT);
    JsonNode data = payloads.stream().filter(s -> s.contains("DATA_MESSAGE"))
        .map(s -> Subscriber.json(s.getBytes(StandardCharsets.UTF_8))).findFirst().orElseThrow();
    assertThat(data.get("owner").asText()).isEqualTo("222222222222");
    assertThat(data.at("/logEvents/0/message").asText()).isEqualTo("from the member account");

    assertThatThrownBy(() -> central.putDestinationPolicy(b -> b.destinationName("central").accessPolicy("not json")))
        .isInstanceOf(InvalidParameterException.class);
    assertThatThrownBy(() -> central.deleteDestination(b -> b.destinationName("nope")))
        .isInstanceOf(ResourceNotFoundException.class).hasMessageContaining("The specified destination does not exist.");
    central.deleteDestination(b -> b.destinationName("central"));
    assertThat(central.describeDestinations(b -> b.build()).destinations()).isEmpty();
    central.close();
    member.close();
  }

  static String policy(String account, String resource) {
    return "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"\",\"Effect\":\"Allow\","
        + "\"Principal\":{\"AWS\":\"" + account + "\"},\"Action\":\"logs:PutSubscriptionFilter\","
        + "\"Resource\":\"" + resource + "\"}]}";
  }

  @Test
  void manyEventsArriveInOrder() throws Exception {
    groupAndStream(logs, "g", "s");
    logs.putSubscriptionFilter(b -> b.logGroupName("g").filterName("f").filterPattern("")
        .destinationArn(KINESIS).roleArn(ROLE));
    List<String> expected = new ArrayList<>();
    for (int batch = 0; batch < 20; batch++) {
      int base = batch * 50;
      String[] messages = IntStream.range(base, base + 50).mapToObj(i -> "event " + i).toArray(String[]::new);
      expected.addAll(List.of(messages));
      put(logs, "g", "s", messages);
    }
    List<String> got = Subscriber.await(subscriber::dataMessages, m -> m.size() >= 1000, WAIT);
    assertThat(got).containsExactlyElementsOf(expected);
  }
}
