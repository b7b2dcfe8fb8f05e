package io.cwlogs.examples;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A tiny application that logs through SLF4J and Logback to CloudWatch Logs.
 *
 * <p>Run a local endpoint (cwlogs, or {@code moto_server -p 4566}), then: {@code CWLOGS_ENDPOINT=
 * http://127.0.0.1:4566 AWS_ACCESS_KEY_ID=x AWS_SECRET_ACCESS_KEY=x mvn -q -f
 * examples/logback-app/pom.xml compile exec:java}. Logback's shutdown hook flushes at exit.
 */
public final class OrderService {
  private static final Logger LOG = LoggerFactory.getLogger(OrderService.class);

  private OrderService() {}

  public static void main(String[] args) {
    for (int order = 1; order <= 20; order++) {
      LOG.info("order {} accepted", order);
    }
    try {
      throw new IllegalStateException("card declined");
    } catch (IllegalStateException e) {
      LOG.error("payment for order 21 failed", e); // the stack trace stays in one event
    }
  }
}
