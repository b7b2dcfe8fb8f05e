package io.cwlogs.logback;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import io.cwlogs.client.LocalLogsEndpoint;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsAsyncClient;

/** Ships through a real logback XML file to the test endpoint. */
class CloudWatchLogsAppenderTest {
  @Test
  void shipsFromAnXmlConfigurationAndFlushesOnStop() throws Exception {
    String group = "logback-" + UUID.randomUUID();
    System.setProperty("cwlogs.test.endpoint.uri", LocalLogsEndpoint.uri().toString());
    System.setProperty("cwlogs.test.group", group);
    System.setProperty("cwlogs.test.stream", "app:one*");

    LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
    context.reset();
    JoranConfigurator configurator = new JoranConfigurator();
    configurator.setContext(context);
    configurator.doConfigure(getClass().getResource("/cwlogs-logback-test.xml"));

    Logger log = LoggerFactory.getLogger("shop.Orders");
    for (int i = 0; i < 100; i++) {
      log.info("order {} é😀", i);
    }
    log.error("payment failed", new IllegalStateException("card declined"));
    // the SDK logs at DEBUG while shipping; none of it may come back through the appender
    LoggerFactory.getLogger("software.amazon.awssdk.request").debug("must not be shipped");
    context.stop(); // the appender flushes here

    try (CloudWatchLogsAsyncClient client = LocalLogsEndpoint.newClient()) {
      List<String> got = LocalLogsEndpoint.messages(client, group, "appone");
      assertThat(got).hasSize(101);
      assertThat(got.get(0)).isEqualTo("INFO  Orders - order 0 é😀");
      assertThat(got.get(100))
          .startsWith("ERROR Orders - payment failed")
          .contains("java.lang.IllegalStateException: card declined")
          .contains("\tat io.cwlogs.logback.CloudWatchLogsAppenderTest");
      assertThat(got).noneMatch(m -> m.contains("must not be shipped"));
    }
  }
}
