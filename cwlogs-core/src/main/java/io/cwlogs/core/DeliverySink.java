package io.cwlogs.core;

import java.io.IOException;

/**
 * Somewhere subscription deliveries go instead of an AWS service: an HTTP endpoint, a directory, a Kafka
 * topic. A sink returns only once the record is accepted (an HTTP 2xx, an fsync, a broker ack); throwing
 * makes the delivery be retried, so a sink may see a record more than once.
 */
public interface DeliverySink extends AutoCloseable {

  void deliver(DeliveryRecord record) throws IOException;

  @Override
  default void close() {}
}
