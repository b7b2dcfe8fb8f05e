package io.cwlogs.storage.rocksdb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cwlogs.core.spi.StoredEvent;
import io.cwlogs.core.spi.StreamKey;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The byte layout: order, round trips and bounds. Behaviour is covered by the contract test. */
class StoreCodecTest {

  private static final long[] EDGES = {
    Long.MIN_VALUE, Long.MIN_VALUE + 1, -256, -1, 0, 1, 255, 256, Long.MAX_VALUE - 1, Long.MAX_VALUE
  };

  @Test
  void fixedWidthLongsSortBytewiseInSignedOrder() {
    for (long a : EDGES) {
      for (long b : EDGES) {
        byte[] x = new byte[8];
        byte[] y = new byte[8];
        StoreCodec.putLong(x, 0, a);
        StoreCodec.putLong(y, 0, b);
        assertThat(Integer.signum(Arrays.compareUnsigned(x, y))).isEqualTo(Long.signum(Long.compare(a, b)));
        assertThat(StoreCodec.getLong(x, 0)).isEqualTo(a);
      }
    }
  }

  @Test
  void eventValuesRoundTripForAnyTimes() {
    Random random = new Random(1);
    for (long ts : EDGES) {
      for (long ingest : EDGES) {
        byte[] message = new byte[random.nextInt(3)];
        random.nextBytes(message);
        StoredEvent event = new StoredEvent(ts, 7, ingest, message);
        byte[] key = StoreCodec.eventKey(new StreamKey(1, 2), ts, 7);
        byte[] value = StoreCodec.eventValue(event);
        StoredEvent back = StoreCodec.decodeEvent(key, value);
        assertThat(back.ingestionTime()).isEqualTo(ingest);
        assertThat(back.message()).isEqualTo(message);
        assertThat(StoreCodec.messageLength(Arrays.copyOf(value, 10), value.length))
            .isEqualTo(message.length);
      }
    }
  }

  @Test
  void typicalEventCostsOneToFourHeaderBytes() {
    long now = 1_700_000_000_000L;
    byte[] message = "x".getBytes(StandardCharsets.UTF_8);
    assertThat(StoreCodec.eventValue(new StoredEvent(now, 0, now, message))).hasSize(2);
    assertThat(StoreCodec.eventValue(new StoredEvent(now, 0, now + 3_600_000, message))).hasSize(5);
  }

  @Test
  void prefixBoundsCoverExactlyThePrefix() {
    byte[] group = StoreCodec.groupPrefix(Long.MAX_VALUE); // all 0xFF once flipped
    byte[] end = StoreCodec.endOfPrefix(group);
    byte[] last = StoreCodec.eventKey(new StreamKey(Long.MAX_VALUE, Long.MAX_VALUE), Long.MAX_VALUE, Long.MAX_VALUE);
    assertThat(Arrays.compareUnsigned(last, end)).isNegative();
    byte[] key = StoreCodec.eventKey(new StreamKey(1, 1), 5, 5);
    assertThat(Arrays.compareUnsigned(StoreCodec.justAfter(key), key)).isPositive();
    assertThat(Arrays.compareUnsigned(StoreCodec.justAfter(key), StoreCodec.eventKey(new StreamKey(1, 1), 5, 6)))
        .isNegative();
  }

  @Test
  void scopesAreSeparatedAndMayNotContainNul() {
    byte[] a = StoreCodec.documentKey("a/group", "\uFFFF");
    byte[] b = StoreCodec.documentKey("a/group2", "");
    assertThat(Arrays.compareUnsigned(a, StoreCodec.endOfScope(StoreCodec.scopePrefix("a/group")))).isNegative();
    assertThat(Arrays.compareUnsigned(b, StoreCodec.endOfScope(StoreCodec.scopePrefix("a/group")))).isPositive();
    assertThatThrownBy(() -> StoreCodec.documentKey("a\0b", "x")).isInstanceOf(IllegalArgumentException.class);
  }
}
