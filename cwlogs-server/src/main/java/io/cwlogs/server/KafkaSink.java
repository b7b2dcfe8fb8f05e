package io.cwlogs.server;

import io.cwlogs.core.DeliveryRecord;
import io.cwlogs.core.DeliverySink;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Delivers subscription payloads to a Kafka topic: {@code kafka://host:port[,host:port...]/topic}.
 *
 * <p>Each delivery is one record: the value is what the AWS target would receive (the gzip payload, or
 * Lambda's {@code awslogs} envelope for Lambda ARNs), the key the partition key (the log stream under
 * {@code ByLogStream}, so one stream's deliveries stay in one partition, in order), and the header
 * {@code cwlogs-destination-arn} names the ARN. The producer is idempotent with {@code acks=all}; a
 * delivery counts as done when the broker acknowledged it.
 */
final class KafkaSink implements DeliverySink {

  private final String topic;
  private final KafkaProducer<String, byte[]> producer;

  KafkaSink(URI uri) {
    String path = uri.getPath() == null ? "" : uri.getPath().replaceFirst("^/", "");
    if (uri.getRawAuthority() == null || path.isEmpty()) {
      throw new IllegalArgumentException("Kafka route must be kafka://host:port/topic: " + uri);
    }
    this.topic = path;
    Properties props = new Properties();
    props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, uri.getRawAuthority());
    props.put(ProducerConfig.ACKS_CONFIG, "all");
    props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
    props.put(ProducerConfig.CLIENT_ID_CONFIG, "cwlogs-subscriptions");
    props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, "30000");
    props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, "10000");
    props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, "10000");
    this.producer = new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer());
  }

  @Override
  public void deliver(DeliveryRecord record) throws IOException {
    ProducerRecord<String, byte[]> message = new ProducerRecord<>(topic, record.partitionKey(), record.data());
    message.headers().add("cwlogs-destination-arn", record.destinationArn().getBytes(StandardCharsets.UTF_8));
    try {
      producer.send(message).get(35, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while delivering to Kafka topic " + topic, e);
    } catch (ExecutionException | TimeoutException | RuntimeException e) {
      throw new IOException("Kafka topic " + topic + " did not accept the delivery", e);
    }
  }

  @Override
  public void close() {
    producer.close(java.time.Duration.ofSeconds(5));
  }
}
