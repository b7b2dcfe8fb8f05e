package io.cwlogs.filter;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A space-delimited pattern such as {@code [ip, user, ..., status = 404, size > 1000]}: a sequence
 * of field specs matched against the fields of a message.
 *
 * <p>Implementation notes: the message is split once into fields (spaces separate; a field that
 * opens with {@code "} or {@code [} runs to the closing {@code "} or {@code ]}, which are dropped)
 * with boundaries in per-thread arrays. Without an ellipsis, pattern field k is message field k and
 * the last pattern field takes the rest of the line; with ellipses, fields are matched like a glob
 * with {@code ...} as {@code *}, using the linear two-pointer algorithm with one backtrack point.
 */
record SpaceDelimitedPattern(List<Field> fields, int regexCount) implements PatternNode {

  /** One spec of the pattern. */
  sealed interface Field permits Ellipsis, Named {}

  /** {@code ...}: any number of fields, including none. */
  record Ellipsis() implements Field {}

  /** A named field, with an optional condition. */
  record Named(String name, Optional<FieldCondition> condition) implements Field {
    boolean test(byte[] h, int off, int len) {
      return condition.isEmpty() || condition.get().test(h, off, len);
    }
  }

  SpaceDelimitedPattern {
    fields = List.copyOf(fields);
  }

  private boolean hasEllipsis() {
    for (Field f : fields) {
      if (f instanceof Ellipsis) {
        return true;
      }
    }
    return false;
  }

  @Override
  public boolean matches(byte[] h, int off, int len) {
    return match(Scratch.get(), h, off, off + len) >= 0;
  }

  /** The {@code $name}-keyed values of a matching message, empty when it does not match. */
  Map<String, String> extract(byte[] h, int off, int len) {
    Scratch s = Scratch.get();
    int n = match(s, h, off, off + len);
    if (n < 0) {
      return Map.of();
    }
    Map<String, String> out = new LinkedHashMap<>();
    for (int j = 0; j < fields.size(); j++) {
      if (fields.get(j) instanceof Named named) {
        int k = s.assigned[j];
        int start = s.fieldStart[k];
        int stop = s.fieldEnd[k];
        out.put("$" + named.name(), new String(h, start, stop - start, StandardCharsets.UTF_8));
      }
    }
    return out;
  }

  /** The value of message field {@code position} (1-based) of a matching message. */
  Optional<String> positional(byte[] h, int off, int len, int position) {
    Scratch s = Scratch.get();
    int n = match(s, h, off, off + len);
    if (n < 0 || position < 1 || position > n) {
      return Optional.empty();
    }
    int k = position - 1;
    return Optional.of(
        new String(h, s.fieldStart[k], s.fieldEnd[k] - s.fieldStart[k], StandardCharsets.UTF_8));
  }

  /**
   * Splits and matches; returns the number of message fields on a match (with {@code s.assigned[j]}
   * the message field of pattern field j), or -1.
   */
  private int match(Scratch s, byte[] h, int off, int end) {
    int n = split(s, h, off, end);
    int m = fields.size();
    s.ensureAssigned(m);
    int[] fs = s.fieldStart;
    int[] fe = s.fieldEnd;
    int[] assigned = s.assigned;
    if (!hasEllipsis()) {
      if (n < m) {
        return -1;
      }
      for (int j = 0; j < m; j++) {
        Named f = (Named) fields.get(j);
        int stop = fe[j];
        if (j == m - 1 && n > m) {
          stop = trimEnd(h, s.rawStart[j], end); // the last field takes the rest of the line
          if (f.test(h, s.rawStart[j], stop - s.rawStart[j])) {
            fs[j] = s.rawStart[j];
            fe[j] = stop;
            assigned[j] = j;
            continue;
          }
          return -1;
        }
        if (!f.test(h, fs[j], stop - fs[j])) {
          return -1;
        }
        assigned[j] = j;
      }
      return n;
    }
    int i = 0;
    int j = 0;
    int starJ = -1;
    int starI = -1;
    while (i < n) {
      if (j < m && fields.get(j) instanceof Named f && f.test(h, fs[i], fe[i] - fs[i])) {
        assigned[j] = i;
        i++;
        j++;
      } else if (j < m && fields.get(j) instanceof Ellipsis) {
        starJ = j;
        starI = i;
        j++;
      } else if (starJ >= 0) {
        j = starJ + 1;
        i = ++starI;
      } else {
        return -1;
      }
    }
    while (j < m && fields.get(j) instanceof Ellipsis) {
      j++;
    }
    return j == m ? n : -1;
  }

  private static int trimEnd(byte[] h, int start, int end) {
    while (end > start && h[end - 1] == ' ') {
      end--;
    }
    return end;
  }

  /** Splits {@code h[off, end)} into fields; returns how many. */
  static int split(Scratch s, byte[] h, int off, int end) {
    int n = 0;
    int i = off;
    while (true) {
      while (i < end && h[i] == ' ') {
        i++;
      }
      if (i >= end) {
        return n;
      }
      s.ensureFields(n + 1);
      s.rawStart[n] = i;
      byte b = h[i];
      if (b == '"' || b == '[') {
        byte close = b == '"' ? (byte) '"' : (byte) ']';
        int start = i + 1;
        int j = start;
        while (j < end && h[j] != close) {
          j++;
        }
        s.fieldStart[n] = start;
        s.fieldEnd[n] = j;
        i = j < end ? j + 1 : end;
        // Text glued to the closing quote (x"y"z) stays with this field and is dropped.
        while (i < end && h[i] != ' ') {
          i++;
        }
      } else {
        int start = i;
        while (i < end && h[i] != ' ') {
          i++;
        }
        s.fieldStart[n] = start;
        s.fieldEnd[n] = i;
      }
      n++;
    }
  }
}
