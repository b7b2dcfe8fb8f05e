package io.cwlogs.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import kafka.testkit.KafkaClusterTestKit;
import kafka.testkit.TestKitNodes;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.cloudwatchlogs.model.InputLogEvent;

/**
 * Subscription delivery to a real Kafka broker (an embedded single-node KRaft cluster started by the
 * test): matching events arrive as records whose value is AWS's gzip payload, keyed by log stream.
 */
class KafkaDeliveryTest {

  static KafkaClusterTestKit kafka;
  @TempDir static Path dir;

  @BeforeAll
  static void startKafka() throws Exception {
    kafka = new KafkaClusterTestKit.Builder(
        new TestKitNodes.Builder().setCombined(true).setNumBrokerNodes(1).setNumControllerNodes(1).build())
        .setConfigProp("auto.create.topics.enable", "true")
        .setConfigProp("offsets.topic.replication.factor", "1")
        .build();
    kafka.format();
    kafka.startup();
    kafka.waitForReadyBrokers();
  }

  @AfterAll
  static void stopKafka() throws Exception {
    if (kafka != null) {
      kafka.close();
    }
  }

  @Test
  void matchingEventsArriveOnTheTopicInAwsPayloadFormat() throws Exception {
    String arn = "arn:aws:kinesis:us-east-1:000000000000:stream/to-kafka";
    try (CwlogsServer server = CwlogsServer.start(ServerOptions.parse(List.of(
            "--host", "127.0.0.1", "--port", "0", "--data-dir", dir.resolve("data").toString(),
            "--subscription-routes", arn + "=kafka://" + kafka.bootstrapServers() + "/cwlogs-deliveries"), Map.of()));
        CloudWatchLogsClient logs = CloudWatchLogsClient.builder()
            .endpointOverride(URI.create("http://127.0.0.1:" + server.port()))
            .region(software.amazon.awssdk.regions.Region.US_EAST_1)
            .credentialsProvider(software.amazon.awssdk.auth.credentials.StaticCredentialsProvider.create(
                software.amazon.awssdk.auth.credentials.AwsBasicCredentials.create("AKID", "s")))
            .build()) {
      logs.createLogGroup(b -> b.logGroupName("g"));
      logs.createLogStream(b -> b.logGroupName("g").logStreamName("s"));
      logs.putSubscriptionFilter(b -> b.logGroupName("g").filterName("f").filterPattern("ERROR")
          .destinationArn(arn).roleArn("arn:aws:iam::000000000000:role/r"));
      long now = System.currentTimeMillis();
      logs.putLogEvents(b -> b.logGroupName("g").logStreamName("s").logEvents(
          InputLogEvent.builder().timestamp(now).message("ERROR one").build(),
          InputLogEvent.builder().timestamp(now).message("INFO skip").build(),
          InputLogEvent.builder().timestamp(now + 1).message("ERROR two").build()));

      Properties props = new Properties();
      props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
      props.put(ConsumerConfig.GROUP_ID_CONFIG, "test");
      props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
      List<JsonNode> payloads = new ArrayList<>();
      List<String> keys = new ArrayList<>();
      try (KafkaConsumer<String, byte[]> consumer =
          new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer())) {
        consumer.subscribe(List.of("cwlogs-deliveries"));
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (payloads.size() < 2 && System.nanoTime() < deadline) {
          for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
            payloads.add(Subscriber.json(Subscriber.gunzip(record.value())));
            keys.add(record.key());
            assertThat(new String(record.headers().lastHeader("cwlogs-destination-arn").value(), StandardCharsets.UTF_8))
                .isEqualTo(arn);
          }
        }
      }
      assertThat(payloads).extracting(p -> p.get("messageType").asText()).containsExactly("CONTROL_MESSAGE", "DATA_MESSAGE");
      JsonNode data = payloads.get(1);
      assertThat(keys.get(1)).isEqualTo("s");
      assertThat(data.get("logGroup").asText()).isEqualTo("g");
      assertThat(data.get("logEvents")).extracting(e -> e.get("message").asText()).containsExactly("ERROR one", "ERROR two");
    }
  }
}
