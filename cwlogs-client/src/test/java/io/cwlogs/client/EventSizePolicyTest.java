package io.cwlogs.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class EventSizePolicyTest {
  @Test
  void defaultAllowsOneMebibyteMinusOverhead() {
    EventSizePolicy p = EventSizePolicy.defaults();
    assertThat(p.maxMessageBytes()).isEqualTo(1_048_550);
    LogEvent fits = new LogEvent("x".repeat(1_048_550), 1);
    assertThat(p.apply(fits)).contains(fits);
  }

  @Test
  void truncatesAtCharacterBoundaryWithMarker() {
    EventSizePolicy p = EventSizePolicy.defaults();
    // 4-byte characters straddle the cut point
    String big = "😀".repeat(300_000);
    LogEvent out = p.apply(new LogEvent(big, 1)).orElseThrow();
    byte[] utf8 = out.message().getBytes(StandardCharsets.UTF_8);
    assertThat(utf8.length).isLessThanOrEqualTo(1_048_550).isGreaterThan(1_048_550 - 4);
    assertThat(out.message()).endsWith(EventSizePolicy.TRUNCATION_MARKER);
    String kept = out.message().substring(0, out.message().length() - 14);
    assertThat(Character.isHighSurrogate(kept.charAt(kept.length() - 1))).isFalse();
    assertThat(new String(utf8, StandardCharsets.UTF_8)).isEqualTo(out.message());
  }

  @Test
  void rejectsWhenConfigured() {
    EventSizePolicy p = EventSizePolicy.legacy256k(OversizePolicy.REJECT);
    assertThat(p.maxMessageBytes()).isEqualTo(262_118);
    assertThat(p.apply(new LogEvent("é".repeat(131_059), 1))).isPresent(); // 262,118 bytes
    assertThat(p.apply(new LogEvent("é".repeat(131_059) + "x", 1))).isEmpty();
  }

  @Test
  void applyAllKeepsOrderAndLeavesOutTheRejected() {
    EventSizePolicy p = EventSizePolicy.legacy256k(OversizePolicy.REJECT);
    LogEvent big = new LogEvent("x".repeat(262_119), 2);
    assertThat(p.applyAll(List.of(new LogEvent("a", 1), big, new LogEvent("", 3))))
        .containsExactly(new LogEvent("a", 1), new LogEvent(" ", 3));
  }

  @Test
  void emptyMessageBecomesSpace() {
    assertThat(EventSizePolicy.defaults().apply(new LogEvent("", 5)))
        .contains(new LogEvent(" ", 5));
  }

  @Test
  void utf8SizeMatchesTheEncoder() {
    Random r = new Random(42);
    for (int i = 0; i < 2_000; i++) {
      StringBuilder sb = new StringBuilder();
      int n = r.nextInt(20);
      for (int j = 0; j < n; j++) {
        sb.append((char) (r.nextBoolean() ? r.nextInt(0x800) : r.nextInt(0x10000)));
      }
      String s = sb.toString();
      assertThat(Utf8.size(s)).as("seed 42, case %d", i)
          .isEqualTo(s.getBytes(StandardCharsets.UTF_8).length);
    }
  }
}
