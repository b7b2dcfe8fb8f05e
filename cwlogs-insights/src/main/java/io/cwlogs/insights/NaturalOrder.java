package io.cwlogs.insights;

import java.util.Comparator;

/**
 * The ascending order of {@code sort}, AWS's "updated natural sort" (SORT page).
 *
 * <p>Number values (computed numbers, timestamps, and strings made only of digits) come after every
 * other value and compare by numeric value, ties broken by text (so {@code 0 < 01 < 1}). Other
 * values compare by their rendered text in chunks: runs of digits compare by length, then by value;
 * other characters compare by Unicode code point.
 */
final class NaturalOrder implements Comparator<Object> {
  static final NaturalOrder INSTANCE = new NaturalOrder();

  private NaturalOrder() {}

  @Override
  public int compare(Object a, Object b) {
    boolean na = isNumberValue(a);
    boolean nb = isNumberValue(b);
    if (na != nb) {
      return na ? 1 : -1;
    }
    if (na) {
      return compareNumbers(a, b);
    }
    return compareText(Values.render(a), Values.render(b));
  }

  private static boolean isNumberValue(Object v) {
    if (v instanceof String s) {
      return isDigits(s);
    }
    return Values.isTypedNumber(v);
  }

  private static boolean isDigits(String s) {
    if (s.isEmpty()) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      if (!Values.isDigit(s.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  private static int compareNumbers(Object a, Object b) {
    if (a instanceof DateTime x && b instanceof DateTime y) {
      return Long.compare(x.millis(), y.millis());
    }
    if (a instanceof String x && b instanceof String y) {
      int c = compareDigitRuns(x, 0, x.length(), y, 0, y.length());
      return c != 0 ? c : x.compareTo(y);
    }
    int c = Double.compare(Values.toNumber(a), Values.toNumber(b));
    return c != 0 ? c : Values.render(a).compareTo(Values.render(b));
  }

  /** Compares two digit runs by value: leading zeros ignored, then length, then digits. */
  private static int compareDigitRuns(String x, int xs, int xe, String y, int ys, int ye) {
    while (xs < xe - 1 && x.charAt(xs) == '0') {
      xs++;
    }
    while (ys < ye - 1 && y.charAt(ys) == '0') {
      ys++;
    }
    int lx = xe - xs;
    int ly = ye - ys;
    if (lx != ly) {
      return Integer.compare(lx, ly);
    }
    for (int i = 0; i < lx; i++) {
      int c = Character.compare(x.charAt(xs + i), y.charAt(ys + i));
      if (c != 0) {
        return c;
      }
    }
    return 0;
  }

  static int compareText(String x, String y) {
    int i = 0;
    int j = 0;
    while (i < x.length() && j < y.length()) {
      char cx = x.charAt(i);
      char cy = y.charAt(j);
      if (Values.isDigit(cx) && Values.isDigit(cy)) {
        int ie = i;
        while (ie < x.length() && Values.isDigit(x.charAt(ie))) {
          ie++;
        }
        int je = j;
        while (je < y.length() && Values.isDigit(y.charAt(je))) {
          je++;
        }
        // Runs compare by length first, then value (SORT: "5A" before "111A").
        int c = Integer.compare(ie - i, je - j);
        if (c == 0) {
          c = compareDigitRuns(x, i, ie, y, j, je);
        }
        if (c != 0) {
          return c;
        }
        i = ie;
        j = je;
      } else {
        int px = x.codePointAt(i);
        int py = y.codePointAt(j);
        if (px != py) {
          return Integer.compare(px, py);
        }
        i += Character.charCount(px);
        j += Character.charCount(py);
      }
    }
    return Integer.compare(x.length() - i, y.length() - j);
  }
}
