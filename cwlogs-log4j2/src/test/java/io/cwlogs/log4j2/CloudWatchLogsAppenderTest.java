package io.cwlogs.log4j2;

import static org.assertj.core.api.Assertions.assertThat;

import io.cwlogs.client.LocalLogsEndpoint;
import java.util.List;
import java.util.UUID;
import org.apache.logging.log4j.Logger;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.config.Configurator;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsAsyncClient;

/** Ships through a real Log4j 2 XML file to the test endpoint. */
class CloudWatchLogsAppenderTest {
  @Test
  void shipsFromAnXmlConfigurationAndFlushesOnStop() throws Exception {
    String group = "log4j2-" + UUID.randomUUID();
    System.setProperty("cwlogs.test.endpoint.uri", LocalLogsEndpoint.uri().toString());
    System.setProperty("cwlogs.test.group", group);
    System.setProperty("cwlogs.test.stream", "svc:*two");

    LoggerContext context =
        Configurator.initialize(
            "cwlogs-test", getClass().getResource("/cwlogs-log4j2-test.xml").toURI().toString());
    Logger log = context.getLogger("shop.Orders");
    for (int i = 0; i < 100; i++) {
      log.info("order {} é😀", i);
    }
    log.error("payment failed", new IllegalStateException("card declined"));
    context.getLogger("software.amazon.awssdk.request").debug("must not be shipped");
    CloudWatchLogsAppender appender = context.getConfiguration().getAppender("CloudWatch");
    Configurator.shutdown(context); // stops the appender, which flushes
    assertThat(appender.metrics().sent()).as("%s", appender.metrics()).isEqualTo(101);

    try (CloudWatchLogsAsyncClient client = LocalLogsEndpoint.newClient()) {
      List<String> got = LocalLogsEndpoint.messages(client, group, "svctwo");
      assertThat(got).hasSize(101);
      assertThat(got.get(0)).isEqualTo("INFO  Orders - order 0 é😀");
      assertThat(got.get(100))
          .startsWith("ERROR Orders - payment failed")
          .contains("java.lang.IllegalStateException: card declined")
          .contains("at io.cwlogs.log4j2.CloudWatchLogsAppenderTest");
      assertThat(got).noneMatch(m -> m.contains("must not be shipped"));
    }
  }
}
