package io.cwlogs.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import javax.management.ObjectName;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsAsyncClient;

/**
 * The shipper under faults: every record arrives exactly as logged and in order, or is counted as
 * dropped. Runs against the endpoint through {@link FaultProxy}.
 */
@ExtendWith(LocalLogsEndpoint.class)
class ShipperFaultTest {
  static FaultProxy proxy;
  static CloudWatchLogsAsyncClient direct;

  @BeforeAll
  static void start() throws Exception {
    proxy = new FaultProxy(LocalLogsEndpoint.uri());
    direct = LocalLogsEndpoint.newClient();
  }

  @AfterAll
  static void stop() throws Exception {
    direct.close();
    proxy.close();
  }

  private static LogShipper.Builder shipper(String group) {
    return LogShipper.builder()
        .clientConfig(LocalLogsEndpoint.config(proxy.uri()))
        .group(group)
        .stream("s")
        .linger(Duration.ofMillis(50))
        .batchRules(new BatchRules(100, Limits.MAX_BATCH_BYTES, Limits.MAX_BATCH_SPAN))
        .retryPolicy(new RetryPolicy(3, Duration.ofMillis(5), Duration.ofMillis(50)));
  }

  private static String group() {
    return "ship-" + UUID.randomUUID();
  }

  private static List<String> offer(LogShipper s, int from, int to) {
    List<String> sent = new ArrayList<>();
    for (int i = from; i < to; i++) {
      String m = String.format("r%05d line one%nline two é😀", i);
      s.offer(LogEvent.now(m));
      sent.add(m);
    }
    return sent;
  }

  private static List<String> received(String group, String stream) {
    return LocalLogsEndpoint.messages(direct, group, stream);
  }

  @Test
  void throttlingErrorsAndDroppedRequestsLoseNothing() throws Exception {
    String g = group();
    proxy.script(
        FaultProxy.Fault.THROTTLE,
        FaultProxy.Fault.ERROR_500,
        FaultProxy.Fault.DROP_REQUEST,
        FaultProxy.Fault.THROTTLE,
        FaultProxy.Fault.ERROR_500,
        FaultProxy.Fault.DROP_REQUEST,
        FaultProxy.Fault.THROTTLE);
    try (LogShipper s = shipper(g).build()) {
      List<String> sent = offer(s, 0, 500);
      assertThat(s.flush(Duration.ofSeconds(30))).isTrue();
      assertThat(received(g, "s")).containsExactlyElementsOf(sent);
      ShipperMetrics m = s.metrics();
      assertThat(m.sent()).isEqualTo(500);
      assertThat(m.dropped()).isZero();
      assertThat(m.retried()).isGreaterThanOrEqualTo(7);
      ObjectName name =
          new ObjectName("io.cwlogs:type=LogShipper,group=" + ObjectName.quote(g) + ",stream=\"s\"");
      assertThat(ManagementFactory.getPlatformMBeanServer().getAttribute(name, "Sent"))
          .isEqualTo(500L);
    }
  }

  @Test
  void droppedResponseMeansAtLeastOnce() {
    String g = group();
    proxy.script(FaultProxy.Fault.DROP_RESPONSE);
    try (LogShipper s = shipper(g).build()) {
      List<String> sent = offer(s, 0, 50);
      assertThat(s.flush(Duration.ofSeconds(30))).isTrue();
      // the lost response makes the client send the batch again: nothing lost, order kept
      assertThat(received(g, "s").stream().distinct().toList()).containsExactlyElementsOf(sent);
    }
  }

  @Test
  void outageWithoutSpoolDropsOnlyWhatIsCounted() throws Exception {
    String g = group();
    try (LogShipper s = shipper(g).queueCapacity(100).build()) {
      List<String> first = offer(s, 0, 10);
      assertThat(s.flush(Duration.ofSeconds(10))).isTrue();
      proxy.down(true);
      List<String> during = offer(s, 10, 400);
      Thread.sleep(300);
      proxy.down(false);
      assertThat(s.flush(Duration.ofSeconds(30))).isTrue();
      List<String> got = received(g, "s");
      List<String> all = new ArrayList<>(first);
      all.addAll(during);
      assertThat(all).containsSubsequence(got); // in order, no duplicates, nothing invented
      assertThat(got).doesNotHaveDuplicates();
      assertThat(got.size() + s.metrics().dropped()).isEqualTo(400);
      assertThat(s.metrics().dropped()).isPositive();
    } finally {
      proxy.down(false);
    }
  }

  @Test
  void outageWithSpoolLosesNothingEvenAcrossARestart(@TempDir Path spool) throws Exception {
    String g = group();
    List<String> all = new ArrayList<>();
    // The queue holds the whole outage (600), so what this proves — spooled events survive a restart
    // and arrive once, in order — does not depend on how fast the worker moves them to disk on a loaded
    // machine; overflow while the queue is full is counted, and is covered by the no-spool test.
    LogShipper s1 = shipper(g).queueCapacity(1_000).spoolDirectory(spool).build();
    // warm up first: building the SDK client can take seconds on a loaded machine, and the
    // queue (100) would overflow before the worker runs; overflow is counted, not lost silently
    all.addAll(offer(s1, -1, 0));
    assertThat(s1.flush(Duration.ofSeconds(30))).isTrue();
    proxy.down(true);
    try {
      for (int i = 0; i < 600; i += 50) {
        all.addAll(offer(s1, i, i + 50));
        Thread.sleep(60);
      }
      s1.close(Duration.ofSeconds(2));
      assertThat(s1.metrics().dropped()).isZero();
      assertThat(s1.metrics().spooled()).isEqualTo(600);
    } finally {
      proxy.down(false);
    }
    try (LogShipper s2 = shipper(g).queueCapacity(100).spoolDirectory(spool).build()) {
      all.addAll(offer(s2, 600, 650));
      assertThat(s2.flush(Duration.ofSeconds(30))).isTrue();
      assertThat(received(g, "s")).containsExactlyElementsOf(all);
      assertThat(s2.metrics().dropped()).isZero();
    }
  }

  @Test
  void jvmShutdownDeliversQueuedRecords() throws Exception {
    String g = group();
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process p =
        new ProcessBuilder(
                java,
                "-cp",
                System.getProperty("java.class.path"),
                ShutdownChild.class.getName(),
                LocalLogsEndpoint.uri().toString(),
                g,
                "child",
                "300")
            .redirectErrorStream(true)
            .redirectOutput(Files.createTempFile("child", ".log").toFile())
            .start();
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).isZero();
    List<String> expected = new ArrayList<>();
    for (int i = 0; i < 300; i++) {
      expected.add(String.format("r%05d", i));
    }
    assertThat(received(g, "child")).containsExactlyElementsOf(expected);
  }

}
