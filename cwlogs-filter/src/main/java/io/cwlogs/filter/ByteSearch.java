package io.cwlogs.filter;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * A precompiled substring searcher over UTF-8 bytes, the kernel behind term patterns.
 *
 * <p>Implementation notes: the search tests eight candidate start positions at a time (SWAR). It
 * picks two probe positions in the needle holding its rarest bytes (by a static guess at byte
 * frequency in log text: lowercase letters and spaces are common, capitals and punctuation rare,
 * the same heuristic as the Rust memchr crate's). For eight candidates it loads the eight bytes
 * under each probe, XORs them with the probe byte broadcast to a word, and finds zero bytes of the
 * OR with the classic {@code (x - 0x01..) & ~x & 0x80..} trick. Only candidates where both probes
 * agree are verified with {@link Arrays#equals(byte[], int, int, byte[], int, int)}, which the JIT
 * vectorises. The trick may flag a byte above a real zero byte (a borrow), never miss one, so the
 * verification keeps it exact. Nothing is allocated per search.
 */
final class ByteSearch {
  private static final VarHandle LONGS =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
  private static final long ONES = 0x0101010101010101L;
  private static final long HIGHS = 0x8080808080808080L;

  private final byte[] needle;
  private final int probe1;
  private final int probe2;
  private final long first;
  private final long last;

  ByteSearch(byte[] needle) {
    this.needle = needle.clone();
    int m = needle.length;
    int a = 0;
    for (int i = 1; i < m; i++) {
      if (rank(needle[i]) < rank(needle[a])) {
        a = i;
      }
    }
    int b = m - 1;
    for (int i = 0; i < m; i++) {
      if (i != a && (b == a || rank(needle[i]) < rank(needle[b]))) {
        b = i;
      }
    }
    this.probe1 = Math.min(a, Math.max(b, 0));
    this.probe2 = Math.max(a, Math.max(b, 0));
    this.first = m == 0 ? 0 : (needle[probe1] & 0xFFL) * ONES;
    this.last = m == 0 ? 0 : (needle[probe2] & 0xFFL) * ONES;
  }

  /** A guess at how common a byte is in log text; lower is rarer. */
  private static int rank(byte b) {
    int c = b & 0xFF;
    if (c == ' ') {
      return 100;
    }
    if (c >= 'a' && c <= 'z') {
      return "zqjxkvbpgwyfmculdhrsnioate".indexOf(c) + 60;
    }
    if (c >= '0' && c <= '9') {
      return 50;
    }
    if (c >= 'A' && c <= 'Z') {
      return 20;
    }
    return c >= 0x80 ? 30 : 10;
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
    int p1 = probe1;
    int p2 = probe2;
    // Eight candidates i..i+7 read bytes up to i+p2+7 <= i+m+6 <= end-1, i.e. i+7 <= lastStart.
    while (i + 7 <= lastStart) {
      long a = (long) LONGS.get(h, i + p1) ^ first;
      long b = (long) LONGS.get(h, i + p2) ^ last;
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
    byte f = needle[p1];
    for (; i <= lastStart; i++) {
      if (h[i + p1] == f && Arrays.equals(h, i, i + m, needle, 0, m)) {
        return i;
      }
    }
    return -1;
  }
}
