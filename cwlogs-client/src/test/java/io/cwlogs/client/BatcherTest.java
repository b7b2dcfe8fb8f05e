package io.cwlogs.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BatcherTest {
  private static final long T0 = 1_700_000_000_000L;
  private final Batcher batcher = Batcher.service();

  static List<LogEvent> events(int n, String message) {
    List<LogEvent> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      out.add(new LogEvent(message, T0 + i));
    }
    return out;
  }

  @Test
  void tenThousandEventsFitOneBatch() {
    assertThat(batcher.split(events(10_000, "x"))).hasSize(1);
  }

  @Test
  void tenThousandAndOneEventsNeedTwo() {
    List<List<LogEvent>> batches = batcher.split(events(10_001, "x"));
    assertThat(batches).extracting(List::size).containsExactly(10_000, 1);
  }

  @Test
  void exactlyOneMebibyteFitsAndOneMoreByteSplits() {
    // two events: (a + 26) + (b + 26) == 1,048,576
    String a = "a".repeat(524_262);
    String b = "b".repeat(524_262);
    assertThat(new LogEvent(a, T0).batchBytes() + new LogEvent(b, T0).batchBytes())
        .isEqualTo(Limits.MAX_BATCH_BYTES);
    assertThat(batcher.split(List.of(new LogEvent(a, T0), new LogEvent(b, T0 + 1)))).hasSize(1);
    assertThat(batcher.split(List.of(new LogEvent(a + "c", T0), new LogEvent(b, T0 + 1))))
        .hasSize(2);
  }

  @Test
  void multiByteCharactersCountInUtf8() {
    // 'é' is 2 bytes, '😀' is 4 bytes (2 chars): 524,262 bytes each side
    String twoByte = "é".repeat(262_131);
    String fourByte = "😀".repeat(131_065) + "xx";
    assertThat(new LogEvent(twoByte, T0).messageBytes()).isEqualTo(524_262);
    assertThat(new LogEvent(fourByte, T0).messageBytes()).isEqualTo(524_262);
    assertThat(batcher.split(List.of(new LogEvent(twoByte, T0), new LogEvent(fourByte, T0))))
        .hasSize(1);
    assertThat(
            batcher.split(List.of(new LogEvent(twoByte + "é", T0), new LogEvent(fourByte, T0))))
        .hasSize(2);
  }

  @Test
  void spanOfTwentyFiveHoursSplitsButTwentyFourDoesNot() {
    long h = Duration.ofHours(1).toMillis();
    assertThat(batcher.split(List.of(new LogEvent("a", T0), new LogEvent("b", T0 + 24 * h))))
        .hasSize(1);
    List<List<LogEvent>> batches =
        batcher.split(
            List.of(
                new LogEvent("a", T0), new LogEvent("b", T0 + 12 * h), new LogEvent("c", T0 + 25 * h)));
    assertThat(batches).extracting(List::size).containsExactly(2, 1);
  }

  @Test
  void unsortedInputIsSortedStably() {
    List<LogEvent> in =
        List.of(
            new LogEvent("3", T0 + 2),
            new LogEvent("1a", T0),
            new LogEvent("2", T0 + 1),
            new LogEvent("1b", T0));
    assertThat(batcher.split(in).get(0))
        .extracting(LogEvent::message)
        .containsExactly("1a", "1b", "2", "3");
  }

  @Test
  void smallerRulesAreHonoured() {
    Batcher small = new Batcher(new BatchRules(3, 1_000, Duration.ofHours(1)));
    assertThat(small.split(events(7, "x"))).extracting(List::size).containsExactly(3, 3, 1);
  }
}
