package io.cwlogs.filter;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * A reusable, allocation-free JSON navigator: walks a UTF-8 message along one selector and tests
 * the value it lands on, skipping everything else without building a tree.
 *
 * <p>Implementation notes: each test walks from the root, so a pattern with k tests reads the path
 * prefixes k times but never materialises the document. Skipped values are still checked for
 * structure; malformed input raises the stackless {@link #MALFORMED}, which the caller turns into
 * "no match". Only when the whole expression is true is the rest of the document validated (see
 * {@link #validDocument}), so non-matching messages pay only for the paths they were asked about.
 * Nesting deeper than {@link #MAX_DEPTH} counts as malformed rather than risking the stack.
 */
final class JsonCursor {
  static final int MAX_DEPTH = 512;

  /** Thrown (preallocated, without a stack trace) when the message is not well-formed JSON. */
  static final RuntimeException MALFORMED =
      new RuntimeException("malformed JSON", null, false, false) {
        private static final long serialVersionUID = 1L;
      };

  private static final int TEST = 0;
  private static final int EXISTS = 1;
  private static final int CAPTURE = 2;

  private byte[] h;
  private int pos;
  private int end;

  // The last string read: either a slice of h, or (when it had escapes) of the scratch buffer.
  private byte[] strBuf;
  private int strOff;
  private int strLen;

  private String captured;

  void reset(byte[] h, int off, int end) {
    this.h = h;
    this.pos = off;
    this.end = end;
  }

  int skipWhitespace(int at) {
    while (at < end) {
      byte b = h[at];
      if (b != ' ' && b != '\n' && b != '\r' && b != '\t') {
        break;
      }
      at++;
    }
    return at;
  }

  /** Position of the root value, or -1 when the message cannot be a JSON object or array. */
  int root(int off) {
    int at = skipWhitespace(off);
    if (at >= end || (h[at] != '{' && h[at] != '[')) {
      return -1;
    }
    return at;
  }

  /** Whether the message holds exactly one JSON value plus whitespace. */
  boolean validDocument(int root) {
    pos = root;
    skipValue(0);
    return skipWhitespace(pos) == end;
  }

  /** Whether the condition holds for some value node the selector reaches from {@code root}. */
  boolean test(int root, JsonSelector sel, JsonCondition cond) {
    pos = root;
    if (cond instanceof JsonCondition.NotExists) {
      return !walk(sel.steps(), 0, cond, EXISTS);
    }
    return walk(sel.steps(), 0, cond, TEST);
  }

  /** The text of the first scalar the selector reaches (strings unescaped), if any. */
  Optional<String> scalarText(int root, JsonSelector sel) {
    pos = root;
    captured = null;
    walk(sel.steps(), 0, null, CAPTURE);
    String s = captured;
    captured = null;
    return Optional.ofNullable(s);
  }

  private boolean walk(List<JsonSelector.Step> steps, int step, JsonCondition cond, int mode) {
    pos = skipWhitespace(pos);
    if (pos >= end) {
      throw MALFORMED;
    }
    if (step == steps.size()) {
      return atTarget(cond, mode);
    }
    JsonSelector.Step s = steps.get(step);
    return switch (s) {
      case JsonSelector.Field f -> inObject(steps, step, cond, mode, f.utf8());
      case JsonSelector.AnyField any -> inObject(steps, step, cond, mode, null);
      case JsonSelector.Index idx -> inArray(steps, step, cond, mode, idx.index());
      case JsonSelector.AnyIndex any -> inArray(steps, step, cond, mode, -1);
    };
  }

  /** Walks an object's members; {@code name == null} means every member ({@code .*}). */
  private boolean inObject(
      List<JsonSelector.Step> steps, int step, JsonCondition cond, int mode, byte[] name) {
    if (h[pos] != '{') {
      return false; // selecting a member of something that is not an object
    }
    pos = skipWhitespace(pos + 1);
    if (pos < end && h[pos] == '}') {
      return false;
    }
    while (true) {
      if (pos >= end || h[pos] != '"') {
        throw MALFORMED;
      }
      readString();
      boolean hit = name == null || equalsString(name);
      pos = skipWhitespace(pos);
      if (pos >= end || h[pos] != ':') {
        throw MALFORMED;
      }
      pos = skipWhitespace(pos + 1);
      int valueStart = pos;
      if (hit) {
        boolean r = walk(steps, step + 1, cond, mode);
        // Duplicate keys: the first occurrence decides (see design decisions).
        if (r || name != null) {
          return r;
        }
        pos = valueStart;
      }
      skipValue(0);
      if (!moreMembers('}')) {
        return false;
      }
    }
  }

  /**
   * After a member or element: true (and {@code pos} on the next one) at a comma, false (and
   * {@code pos} on the closer) at {@code closer}; anything else is malformed JSON.
   */
  private boolean moreMembers(char closer) {
    pos = skipWhitespace(pos);
    if (pos >= end) {
      throw MALFORMED;
    }
    if (h[pos] == ',') {
      pos = skipWhitespace(pos + 1);
      return true;
    }
    if (h[pos] == closer) {
      return false;
    }
    throw MALFORMED;
  }

  /** Walks an array's elements; {@code index < 0} means every element ({@code [*]}). */
  private boolean inArray(
      List<JsonSelector.Step> steps, int step, JsonCondition cond, int mode, int index) {
    if (h[pos] != '[') {
      return false;
    }
    pos = skipWhitespace(pos + 1);
    if (pos < end && h[pos] == ']') {
      return false;
    }
    for (int i = 0; ; i++) {
      int valueStart = pos;
      if (index < 0 || i == index) {
        boolean r = walk(steps, step + 1, cond, mode);
        if (r || index >= 0) {
          return r;
        }
        pos = valueStart;
      }
      skipValue(0);
      if (!moreMembers(']')) {
        return false;
      }
    }
  }

  private boolean atTarget(JsonCondition cond, int mode) {
    byte b = h[pos];
    if (mode == EXISTS) {
      return true;
    }
    if (b == '{' || b == '[') {
      return false; // the value-node rule: containers never satisfy a test
    }
    if (mode == CAPTURE) {
      int start = pos;
      if (b == '"') {
        readString();
        captured = new String(strBuf, strOff, strLen, StandardCharsets.UTF_8);
      } else {
        skipValue(0);
        captured = new String(h, start, pos - start, StandardCharsets.UTF_8);
      }
      return true;
    }
    return switch (cond) {
      case JsonCondition.StringTest t -> {
        if (b != '"') {
          yield false;
        }
        readString();
        yield t.negated() != t.matcher().test(strBuf, strOff, strLen);
      }
      case JsonCondition.RegexTest t -> {
        if (b != '"') {
          yield false;
        }
        readString();
        yield t.negated() != t.regex().find(strBuf, strOff, strOff + strLen);
      }
      case JsonCondition.NumberTest t -> {
        if (b != '-' && (b < '0' || b > '9')) {
          yield false;
        }
        int start = pos;
        skipNumber();
        double v = Numbers.parse(h, start, pos);
        yield !Double.isNaN(v) && t.op().test(v, t.value());
      }
      case JsonCondition.Present p -> {
        skipValue(0); // a scalar that is well-formed
        yield true;
      }
      case JsonCondition.IsLiteral l -> literalAt(l.literal());
      case JsonCondition.NotExists n -> false;
    };
  }

  private boolean literalAt(String lit) {
    int n = lit.length();
    if (end - pos < n) {
      return false;
    }
    for (int i = 0; i < n; i++) {
      if (h[pos + i] != lit.charAt(i)) {
        return false;
      }
    }
    return true;
  }

  private boolean equalsString(byte[] name) {
    return strLen == name.length && Arrays.equals(strBuf, strOff, strOff + strLen, name, 0, strLen);
  }

  /**
   * Reads the string at {@code pos} (a '"'), leaving its unescaped bytes in strBuf/strOff/strLen.
   */
  private void readString() {
    int start = pos + 1;
    int i = start;
    while (true) {
      if (i >= end) {
        throw MALFORMED;
      }
      byte b = h[i];
      if (b == '"') {
        strBuf = h;
        strOff = start;
        strLen = i - start;
        pos = i + 1;
        return;
      }
      if (b == '\\') {
        decodeEscaped(start);
        return;
      }
      if (b >= 0 && b < 0x20) {
        throw MALFORMED;
      }
      i++;
    }
  }

  /** Slow path of {@link #readString()}: unescapes into the thread's scratch buffer. */
  private void decodeEscaped(int start) {
    byte[] out = Scratch.get().ensureDecoded(end - start);
    int j = 0;
    int i = start;
    while (true) {
      if (i >= end) {
        throw MALFORMED;
      }
      byte b = h[i++];
      if (b == '"') {
        break;
      }
      if (b >= 0 && b < 0x20) {
        throw MALFORMED;
      }
      if (b != '\\') {
        out[j++] = b;
        continue;
      }
      if (i >= end) {
        throw MALFORMED;
      }
      byte e = h[i++];
      switch (e) {
        case '"', '\\', '/' -> out[j++] = e;
        case 'b' -> out[j++] = '\b';
        case 'f' -> out[j++] = '\f';
        case 'n' -> out[j++] = '\n';
        case 'r' -> out[j++] = '\r';
        case 't' -> out[j++] = '\t';
        case 'u' -> {
          int cp = hex4(i);
          i += 4;
          if (Character.isHighSurrogate((char) cp)
              && i + 6 <= end
              && h[i] == '\\'
              && h[i + 1] == 'u') {
            int lo = hex4(i + 2);
            if (Character.isLowSurrogate((char) lo)) {
              cp = Character.toCodePoint((char) cp, (char) lo);
              i += 6;
            }
          }
          j = putUtf8(out, j, cp);
        }
        default -> throw MALFORMED;
      }
    }
    strBuf = out;
    strOff = 0;
    strLen = j;
    pos = i;
  }

  private int hex4(int i) {
    if (i + 4 > end) {
      throw MALFORMED;
    }
    int v = 0;
    for (int k = 0; k < 4; k++) {
      int d = Character.digit(h[i + k], 16);
      if (d < 0) {
        throw MALFORMED;
      }
      v = v * 16 + d;
    }
    return v;
  }

  private static int putUtf8(byte[] out, int j, int cp) {
    // An escape is at least 6 input bytes and at most 4 output bytes, so out never overflows.
    if (cp < 0x80) {
      out[j++] = (byte) cp;
    } else if (cp < 0x800) {
      out[j++] = (byte) (0xC0 | (cp >> 6));
      out[j++] = (byte) (0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
      out[j++] = (byte) (0xE0 | (cp >> 12));
      out[j++] = (byte) (0x80 | ((cp >> 6) & 0x3F));
      out[j++] = (byte) (0x80 | (cp & 0x3F));
    } else {
      out[j++] = (byte) (0xF0 | (cp >> 18));
      out[j++] = (byte) (0x80 | ((cp >> 12) & 0x3F));
      out[j++] = (byte) (0x80 | ((cp >> 6) & 0x3F));
      out[j++] = (byte) (0x80 | (cp & 0x3F));
    }
    return j;
  }

  /** Skips the value at {@code pos}, checking its structure. */
  private void skipValue(int depth) {
    if (depth > MAX_DEPTH) {
      throw MALFORMED;
    }
    pos = skipWhitespace(pos);
    if (pos >= end) {
      throw MALFORMED;
    }
    byte b = h[pos];
    switch (b) {
      case '"' -> skipString();
      case '{' -> {
        pos = skipWhitespace(pos + 1);
        if (pos < end && h[pos] == '}') {
          pos++;
          return;
        }
        while (true) {
          if (pos >= end || h[pos] != '"') {
            throw MALFORMED;
          }
          skipString();
          pos = skipWhitespace(pos);
          if (pos >= end || h[pos] != ':') {
            throw MALFORMED;
          }
          pos++;
          skipValue(depth + 1);
          if (!moreMembers('}')) {
            pos++;
            return;
          }
        }
      }
      case '[' -> {
        pos = skipWhitespace(pos + 1);
        if (pos < end && h[pos] == ']') {
          pos++;
          return;
        }
        while (true) {
          skipValue(depth + 1);
          if (!moreMembers(']')) {
            pos++;
            return;
          }
        }
      }
      case 't' -> skipLiteral("true");
      case 'f' -> skipLiteral("false");
      case 'n' -> skipLiteral("null");
      default -> {
        if (b == '-' || (b >= '0' && b <= '9')) {
          skipNumber();
        } else {
          throw MALFORMED;
        }
      }
    }
  }

  private void skipString() {
    int i = pos + 1;
    while (i < end) {
      byte b = h[i];
      if (b == '"') {
        pos = i + 1;
        return;
      }
      if (b == '\\') {
        i += 2;
        continue;
      }
      if (b >= 0 && b < 0x20) {
        throw MALFORMED;
      }
      i++;
    }
    throw MALFORMED;
  }

  private void skipLiteral(String lit) {
    if (!literalAt(lit)) {
      throw MALFORMED;
    }
    pos += lit.length();
  }

  /** Skips a JSON number, enforcing its grammar. */
  private void skipNumber() {
    int i = pos;
    if (i < end && h[i] == '-') {
      i++;
    }
    int d = i;
    while (i < end && h[i] >= '0' && h[i] <= '9') {
      i++;
    }
    if (i == d || (h[d] == '0' && i - d > 1)) {
      throw MALFORMED;
    }
    if (i < end && h[i] == '.') {
      i++;
      int f = i;
      while (i < end && h[i] >= '0' && h[i] <= '9') {
        i++;
      }
      if (i == f) {
        throw MALFORMED;
      }
    }
    if (i < end && (h[i] == 'e' || h[i] == 'E')) {
      i++;
      if (i < end && (h[i] == '+' || h[i] == '-')) {
        i++;
      }
      int e = i;
      while (i < end && h[i] >= '0' && h[i] <= '9') {
        i++;
      }
      if (i == e) {
        throw MALFORMED;
      }
    }
    pos = i;
  }
}
