package io.cwlogs.filter;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A string value test with AWS's wildcard rule: a {@code *} at the start or end matches any text, a
 * {@code *} in the middle is literal, and a lone {@code *} matches any value.
 */
record StringMatcher(Mode mode, String text, byte[] utf8) {
  /** Where the literal text must occur. */
  enum Mode {
    EXACT,
    PREFIX,
    SUFFIX,
    CONTAINS,
    ANY
  }

  static StringMatcher of(String value) {
    Mode mode;
    String lit;
    int n = value.length();
    if (value.equals("*")) {
      mode = Mode.ANY;
      lit = "";
    } else if (n >= 2 && value.startsWith("*") && value.endsWith("*")) {
      mode = Mode.CONTAINS;
      lit = value.substring(1, n - 1);
    } else if (value.startsWith("*")) {
      mode = Mode.SUFFIX;
      lit = value.substring(1);
    } else if (value.endsWith("*")) {
      mode = Mode.PREFIX;
      lit = value.substring(0, n - 1);
    } else {
      mode = Mode.EXACT;
      lit = value;
    }
    return new StringMatcher(mode, lit, lit.getBytes(StandardCharsets.UTF_8));
  }

  boolean test(byte[] h, int off, int len) {
    byte[] b = utf8;
    int m = b.length;
    return switch (mode) {
      case ANY -> true;
      case EXACT -> len == m && Arrays.equals(h, off, off + len, b, 0, m);
      case PREFIX -> len >= m && Arrays.equals(h, off, off + m, b, 0, m);
      case SUFFIX -> len >= m && Arrays.equals(h, off + len - m, off + len, b, 0, m);
      case CONTAINS -> indexOf(h, off, off + len) >= 0;
    };
  }

  private int indexOf(byte[] h, int from, int end) {
    int m = utf8.length;
    outer:
    for (int i = from; i <= end - m; i++) {
      for (int k = 0; k < m; k++) {
        if (h[i + k] != utf8[k]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof StringMatcher s && s.mode == mode && s.text.equals(text);
  }

  @Override
  public int hashCode() {
    return mode.hashCode() * 31 + text.hashCode();
  }

  @Override
  public String toString() {
    return mode + "(" + text + ")";
  }
}
