package io.cwlogs.filter;

import java.nio.charset.StandardCharsets;

/**
 * Decimal number parsing over bytes without allocation, for numeric conditions.
 *
 * <p>Accepts {@code [+-]digits[.digits][(e|E)[+-]digits]} (also {@code .5} and {@code 5.}). Up to
 * 15 significant digits with a power of ten up to 22 are computed exactly from a long and one
 * multiply or divide (both operands exact, so one rounding: Clinger's fast path); anything else
 * falls back to {@link Double#parseDouble}.
 */
final class Numbers {
  private static final double[] POW10 = {
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16,
    1e17, 1e18, 1e19, 1e20, 1e21, 1e22
  };

  private Numbers() {}

  /** Parses {@code h[off, end)} as a whole number literal; NaN when it is not one. */
  static double parse(byte[] h, int off, int end) {
    int i = off;
    if (i >= end) {
      return Double.NaN;
    }
    boolean neg = false;
    if (h[i] == '-' || h[i] == '+') {
      neg = h[i] == '-';
      i++;
    }
    long mant = 0;
    int sig = 0;
    int exp10 = 0;
    boolean any = false;
    boolean frac = false;
    for (; i < end; i++) {
      int c = h[i];
      if (c == '.' && !frac) {
        frac = true;
        continue;
      }
      if (c < '0' || c > '9') {
        break;
      }
      any = true;
      if (sig < 18) {
        mant = mant * 10 + (c - '0');
        if (mant != 0) {
          sig++;
        }
        if (frac) {
          exp10--;
        }
      } else if (!frac) {
        exp10++; // an integer digit beyond the 18 kept still scales the value
      }
    }
    if (!any) {
      return Double.NaN;
    }
    if (i < end && (h[i] == 'e' || h[i] == 'E')) {
      i++;
      boolean eneg = false;
      if (i < end && (h[i] == '-' || h[i] == '+')) {
        eneg = h[i] == '-';
        i++;
      }
      int e = 0;
      boolean edig = false;
      while (i < end && h[i] >= '0' && h[i] <= '9') {
        edig = true;
        if (e < 100_000) {
          e = e * 10 + (h[i] - '0');
        }
        i++;
      }
      if (!edig) {
        return Double.NaN;
      }
      exp10 += eneg ? -e : e;
    }
    if (i != end) {
      return Double.NaN;
    }
    if (sig > 15 || exp10 < -22 || exp10 > 22) {
      return Double.parseDouble(new String(h, off, end - off, StandardCharsets.ISO_8859_1));
    }
    double v = exp10 >= 0 ? mant * POW10[exp10] : mant / POW10[-exp10];
    return neg ? -v : v;
  }

  static double parse(String s) {
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    return parse(b, 0, b.length);
  }
}
