package io.cwlogs.jul;

import static org.assertj.core.api.Assertions.assertThat;

import io.cwlogs.client.LocalLogsEndpoint;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsAsyncClient;

/** Ships through a real logging.properties file to the test endpoint. */
class CloudWatchLogsHandlerTest {
  @Test
  void shipsFromAPropertiesFileAndFlushesOnReset() throws Exception {
    String group = "jul-" + UUID.randomUUID();
    System.setProperty("cwlogs.test.stream", "jul:three*");
    String props;
    try (InputStream in = getClass().getResourceAsStream("/cwlogs-jul-test.properties")) {
      props =
          new String(in.readAllBytes(), StandardCharsets.UTF_8)
              .replace("@GROUP@", group)
              .replace("@ENDPOINT@", LocalLogsEndpoint.uri().toString());
    }
    LogManager manager = LogManager.getLogManager();
    manager.readConfiguration(new ByteArrayInputStream(props.getBytes(StandardCharsets.ISO_8859_1)));

    Logger log = Logger.getLogger("shop.Orders");
    for (int i = 0; i < 100; i++) {
      log.info("order " + i + " é😀");
    }
    log.log(Level.SEVERE, "payment failed", new IllegalStateException("card declined"));
    Logger.getLogger("software.amazon.awssdk.request").fine("must not be shipped");
    manager.reset(); // closes the handler, which flushes

    try (CloudWatchLogsAsyncClient client = LocalLogsEndpoint.newClient()) {
      List<String> got = List.of();
      long deadline = System.nanoTime() + 20_000_000_000L; // close() works in the background
      while (got.size() < 101 && System.nanoTime() < deadline) {
        Thread.sleep(200);
        got = readIfPresent(client, group);
      }
      assertThat(got).hasSize(101);
      assertThat(got.get(0)).isEqualTo("INFO shop.Orders - order 0 é😀");
      assertThat(got.get(100))
          .startsWith("SEVERE shop.Orders - payment failed")
          .contains("java.lang.IllegalStateException: card declined")
          .contains("at io.cwlogs.jul.CloudWatchLogsHandlerTest");
      assertThat(got).noneMatch(m -> m.contains("must not be shipped"));
    }
  }

  private static List<String> readIfPresent(CloudWatchLogsAsyncClient client, String group) {
    try {
      return LocalLogsEndpoint.messages(client, group, "julthree");
    } catch (RuntimeException notYetCreated) {
      return List.of();
    }
  }
}
