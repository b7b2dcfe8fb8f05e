package io.cwlogs.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsAsyncClient;

/**
 * LogStream against the cwlogs server, through a counting {@link FaultProxy}. The batch-edge tests
 * assert both what the client does (how many requests it makes) and that the server, which enforces
 * every PutLogEvents rule as AWS does, accepted every event.
 */
@ExtendWith(LocalLogsEndpoint.class)
class LogStreamEndpointTest {
  static FaultProxy proxy;
  static CloudWatchLogsAsyncClient client;
  static CloudWatchLogsAsyncClient direct;

  @BeforeAll
  static void start() throws Exception {
    proxy = new FaultProxy(LocalLogsEndpoint.uri());
    client = LocalLogsEndpoint.config(proxy.uri()).newAsyncClient();
    direct = LocalLogsEndpoint.newClient();
  }

  @AfterAll
  static void stop() throws Exception {
    client.close();
    direct.close();
    proxy.close();
  }

  private LogStream newStream() {
    return LogStream.builder(client, "it-" + UUID.randomUUID())
        .retryPolicy(new RetryPolicy(4, Duration.ofMillis(5), Duration.ofMillis(20)))
        .build()
        .create();
  }

  private static List<LogEvent> numbered(int n, long start) {
    List<LogEvent> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(new LogEvent("m" + i, start));
    }
    return out;
  }

  private List<String> read(LogStream s) {
    return LocalLogsEndpoint.messages(direct, s.group(), s.stream());
  }

  @Test
  void creationIsIdempotentAndNamesAreGenerated() {
    LogStream s = newStream();
    s.create().create();
    assertThat(UUID.fromString(s.stream())).isNotNull();
    assertThat(UUID.fromString(LogResources.createGroup(client))).isNotNull();
  }

  @Test
  void tenThousandAndOneEventsGoInTwoRequests() {
    LogStream s = newStream();
    int before = proxy.putRequests();
    SubmitResult r = s.submit(numbered(10_001, System.currentTimeMillis()));
    assertThat(r.accepted()).isEqualTo(10_001);
    assertThat(proxy.putRequests() - before).isEqualTo(2);
    assertThat(read(s)).hasSize(10_001).startsWith("m0", "m1").endsWith("m10000");
  }

  @Test
  void exactlyOneMebibyteIsOneRequest() {
    LogStream s = newStream();
    long now = System.currentTimeMillis();
    String half = "é".repeat(262_131); // 524,262 bytes + 26 = half of 1,048,576
    int before = proxy.putRequests();
    assertThat(s.submit(List.of(new LogEvent(half, now), new LogEvent(half, now))).accepted())
        .isEqualTo(2);
    assertThat(proxy.putRequests() - before).isEqualTo(1);
    assertThat(s.submit(List.of(new LogEvent(half + "x", now), new LogEvent(half, now))).accepted())
        .isEqualTo(2);
    assertThat(proxy.putRequests() - before).isEqualTo(3);
    assertThat(read(s)).hasSize(4);
  }

  @Test
  void oversizeMultiByteMessageIsTruncatedAtTheLimit() {
    LogStream s = newStream();
    String big = "😀".repeat(262_200); // 1,048,800 bytes
    SubmitResult r = s.submit(new LogEvent(big, System.currentTimeMillis()));
    assertThat(r.accepted()).isEqualTo(1);
    String stored = read(s).get(0);
    assertThat(stored).endsWith(EventSizePolicy.TRUNCATION_MARKER);
    assertThat(Utf8.size(stored)).isLessThanOrEqualTo(1_048_550);
  }

  @Test
  void twentyFiveHourSpreadAndUnsortedInputAreSplitAndSorted() {
    LogStream s = newStream();
    long now = System.currentTimeMillis();
    long h = Duration.ofHours(1).toMillis();
    int before = proxy.putRequests();
    SubmitResult r =
        s.submit(
            List.of(new LogEvent("late", now), new LogEvent("early", now - 25 * h), new LogEvent("mid", now - 2 * h)));
    assertThat(r.accepted()).isEqualTo(3);
    assertThat(proxy.putRequests() - before).isEqualTo(2);
    assertThat(read(s)).containsExactly("early", "mid", "late");
  }

  @Test
  void deletedStreamIsRecreated() {
    LogStream s = newStream();
    s.delete();
    assertThat(s.submit(new LogEvent("after delete", System.currentTimeMillis())).accepted())
        .isEqualTo(1);
    assertThat(read(s)).containsExactly("after delete");
  }

  @Test
  void throttlingAnd500AreRetriedAndPermanent400IsNot() {
    LogStream s = newStream();
    proxy.script(FaultProxy.Fault.THROTTLE, FaultProxy.Fault.ERROR_500, FaultProxy.Fault.DROP_REQUEST);
    int before = proxy.putRequests();
    SubmitResult ok = s.submit(new LogEvent("survivor", System.currentTimeMillis()));
    assertThat(ok.accepted()).isEqualTo(1);
    assertThat(ok.retries()).isEqualTo(3);
    assertThat(proxy.putRequests() - before).isEqualTo(4);

    proxy.script(FaultProxy.Fault.INVALID_400);
    before = proxy.putRequests();
    SubmitResult bad = s.submit(new LogEvent("refused", System.currentTimeMillis()));
    assertThat(bad.failed()).isEqualTo(1);
    assertThat(bad.retries()).isZero();
    assertThat(proxy.putRequests() - before).isEqualTo(1);
    assertThat(read(s)).containsExactly("survivor");
  }

  @Test
  void tooNewEventsAreCounted() {
    LogStream s = newStream();
    long now = System.currentTimeMillis();
    SubmitResult r =
        s.submit(List.of(new LogEvent("ok", now), new LogEvent("future", now + Duration.ofHours(3).toMillis())));
    assertThat(r.tooNew()).isEqualTo(1);
    assertThat(r.accepted()).isEqualTo(1);
  }

  @Test
  void tooOldEventsAreCounted() {
    LogStream s = newStream();
    long old = Instant.now().minus(Duration.ofDays(15)).toEpochMilli();
    SubmitResult r =
        s.submit(List.of(new LogEvent("old", old), new LogEvent("ok", System.currentTimeMillis())));
    assertThat(r.tooOld()).isEqualTo(1);
    assertThat(r.accepted()).isEqualTo(1);
  }
}
