package io.cwlogs.insights;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The field discoverer for JSON events: reads a message that is one JSON object and flattens its
 * leaves into fields, nested keys joined with dots and array elements named by index ({@code
 * requestParameters.items.0.instanceId}), as Logs Insights does (DISCOVER).
 *
 * <p>Implementation notes: a single-pass recursive-descent reader over the string with no
 * intermediate tree. Strings become {@link String}, numbers {@link NumberText} (their text is
 * kept), {@code true}/{@code false} the strings {@code "true"}/{@code "false"}; {@code null}, empty
 * objects and empty arrays make no field. A message that is not exactly one well-formed object
 * (after whitespace) yields no fields at all. At most {@link Limits#MAX_JSON_FIELDS} fields are
 * kept, in document order; deeper nesting than {@link Limits#MAX_JSON_DEPTH} abandons the event. A
 * top-level name starting with {@code @} gets one more {@code @} (DISCOVER). Never throws.
 */
final class JsonFields {
  private final String s;
  private int i;
  private final Map<String, Object> out = new LinkedHashMap<>();

  private JsonFields(String s) {
    this.s = s;
  }

  /** The fields of {@code message}, empty if it is not a JSON object. */
  static Map<String, Object> flatten(String message) {
    int start = 0;
    while (start < message.length() && isWs(message.charAt(start))) {
      start++;
    }
    if (start >= message.length() || message.charAt(start) != '{') {
      return Map.of();
    }
    JsonFields r = new JsonFields(message);
    r.i = start;
    try {
      r.value("", 0);
      r.ws();
      if (r.i != message.length()) {
        return Map.of();
      }
      return r.out;
    } catch (Bad e) {
      return Map.of();
    }
  }

  /** Thrown inside the reader on malformed input; never escapes. */
  private static final class Bad extends Exception {
    private static final long serialVersionUID = 1L;

    Bad() {
      super(null, null, false, false);
    }
  }

  private static boolean isWs(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
  }

  private void ws() {
    while (i < s.length() && isWs(s.charAt(i))) {
      i++;
    }
  }

  private char peek() throws Bad {
    if (i >= s.length()) {
      throw new Bad();
    }
    return s.charAt(i);
  }

  private void expect(char c) throws Bad {
    if (peek() != c) {
      throw new Bad();
    }
    i++;
  }

  private void value(String path, int depth) throws Bad {
    if (depth > Limits.MAX_JSON_DEPTH) {
      throw new Bad();
    }
    ws();
    char c = peek();
    switch (c) {
      case '{' -> object(path, depth);
      case '[' -> array(path, depth);
      case '"' -> put(path, string());
      case 't' -> literal("true", path, "true");
      case 'f' -> literal("false", path, "false");
      case 'n' -> literal("null", path, null);
      default -> number(path);
    }
  }

  private void object(String path, int depth) throws Bad {
    expect('{');
    ws();
    if (peek() == '}') {
      i++;
      return;
    }
    while (true) {
      ws();
      String key = string();
      if (path.isEmpty() && key.startsWith("@")) {
        key = "@" + key;
      }
      ws();
      expect(':');
      value(path.isEmpty() ? key : path + "." + key, depth + 1);
      ws();
      char c = peek();
      i++;
      if (c == '}') {
        return;
      }
      if (c != ',') {
        throw new Bad();
      }
    }
  }

  private void array(String path, int depth) throws Bad {
    expect('[');
    ws();
    if (peek() == ']') {
      i++;
      return;
    }
    int index = 0;
    while (true) {
      value(path + "." + index, depth + 1);
      index++;
      ws();
      char c = peek();
      i++;
      if (c == ']') {
        return;
      }
      if (c != ',') {
        throw new Bad();
      }
    }
  }

  private void literal(String word, String path, String v) throws Bad {
    if (!s.startsWith(word, i)) {
      throw new Bad();
    }
    i += word.length();
    if (v != null) {
      put(path, v);
    }
  }

  private void number(String path) throws Bad {
    int start = i;
    while (i < s.length()) {
      char c = s.charAt(i);
      if ((c >= '0' && c <= '9') || c == '-' || c == '+' || c == '.' || c == 'e' || c == 'E') {
        i++;
      } else {
        break;
      }
    }
    String text = s.substring(start, i);
    Double d = text.isEmpty() || text.charAt(0) == '+' ? null : Values.parseNumber(text);
    if (d == null) {
      throw new Bad();
    }
    put(path, new NumberText(text, d));
  }

  private String string() throws Bad {
    expect('"');
    StringBuilder b = null;
    int start = i;
    while (true) {
      char c = peek();
      if (c == '"') {
        String r = b == null ? s.substring(start, i) : b.append(s, start, i).toString();
        i++;
        return r;
      }
      if (c < 0x20) {
        throw new Bad();
      }
      if (c != '\\') {
        i++;
        continue;
      }
      if (b == null) {
        b = new StringBuilder();
      }
      b.append(s, start, i);
      i++;
      char e = peek();
      i++;
      switch (e) {
        case '"', '\\', '/' -> b.append(e);
        case 'b' -> b.append('\b');
        case 'f' -> b.append('\f');
        case 'n' -> b.append('\n');
        case 'r' -> b.append('\r');
        case 't' -> b.append('\t');
        case 'u' -> {
          if (i + 4 > s.length()) {
            throw new Bad();
          }
          int cp = 0;
          for (int k = 0; k < 4; k++) {
            int dgt = Character.digit(s.charAt(i + k), 16);
            if (dgt < 0) {
              throw new Bad();
            }
            cp = cp * 16 + dgt;
          }
          i += 4;
          b.append((char) cp);
        }
        default -> throw new Bad();
      }
      start = i;
    }
  }

  private void put(String path, Object v) {
    if (out.size() < Limits.MAX_JSON_FIELDS && !path.isEmpty()) {
      out.putIfAbsent(path, v);
    }
  }
}
