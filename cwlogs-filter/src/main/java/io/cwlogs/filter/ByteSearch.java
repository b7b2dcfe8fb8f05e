package io.cwlogs.filter;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * A precompiled substring searcher over UTF-8 bytes, the kernel behind term patterns.
 *
 * <p>Implementation notes: the search tests eight candidate start positions at a time (SWAR). It
 * loads the eight bytes where a match would begin and the eight where it would end, XORs them with
 * the needle's first and last byte broadcast to a word, and finds zero bytes of the OR with the
 * classic {@code (x - 0x01..) & ~x & 0x80..} trick. Only candidates whose first and last bytes both
 * agree are verified with {@link Arrays#equals(byte[], int, int, byte[], int, int)}, which the JIT
 * vectorises. That trick may flag a byte above a real zero byte (a borrow), never miss one, so the
 * verification keeps it exact. The first/last pair filters far better than the first byte alone on
 * log text. Nothing is allocated per search.
 */
final class ByteSearch {
  private static final VarHandle LONGS =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
  private static final long ONES = 0x0101010101010101L;
  private static final long HIGHS = 0x8080808080808080L;

  private final byte[] needle;
  private final long first;
  private final long last;

  ByteSearch(byte[] needle) {
    this.needle = needle.clone();
    this.first = needle.length == 0 ? 0 : (needle[0] & 0xFFL) * ONES;
    this.last = needle.length == 0 ? 0 : (needle[needle.length - 1] & 0xFFL) * ONES;
  }

  int length() {
    return needle.length;
  }

  /** Returns the first index in {@code [from, end)} where the needle starts, or -1. */
  int indexOf(byte[] h, int from, int end) {
    int m = needle.length;
    if (m == 0) {
      return from;
    }
    int lastStart = end - m;
    int i = from;
    // Eight candidates i..i+7 need bytes up to i+m+6 <= end-1, i.e. i+7 <= lastStart.
    while (i + 7 <= lastStart) {
      long a = (long) LONGS.get(h, i) ^ first;
      long b = (long) LONGS.get(h, i + m - 1) ^ last;
      long x = a | b;
      long z = (x - ONES) & ~x & HIGHS;
      while (z != 0) {
        int k = i + (Long.numberOfTrailingZeros(z) >>> 3);
        if (Arrays.equals(h, k, k + m, needle, 0, m)) {
          return k;
        }
        z &= z - 1;
      }
      i += 8;
    }
    byte f = needle[0];
    for (; i <= lastStart; i++) {
      if (h[i] == f && Arrays.equals(h, i, i + m, needle, 0, m)) {
        return i;
      }
    }
    return -1;
  }
}
