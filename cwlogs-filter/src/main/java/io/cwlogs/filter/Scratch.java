package io.cwlogs.filter;

/**
 * Per-thread reusable buffers, so that matching a message allocates nothing once warm.
 *
 * <p>Compiled patterns are immutable and shared between threads; the working memory a match needs
 * (the UTF-8 form of a {@code String} message, field boundaries, regex state sets, a JSON cursor)
 * lives here instead. Each buffer has one user at a time: a match never re-enters itself, and the
 * few nested uses (a regex inside a JSON test) use distinct fields.
 */
final class Scratch {
  private static final ThreadLocal<Scratch> LOCAL = ThreadLocal.withInitial(Scratch::new);

  /** UTF-8 form of the current String message. */
  byte[] message = new byte[512];

  int messageLength;

  /** Decoded JSON string value (only used when the raw value contains escapes). */
  byte[] decoded = new byte[128];

  /** Field boundaries of a space-delimited message: value start, value end, raw start. */
  int[] fieldStart = new int[64];

  int[] fieldEnd = new int[64];
  int[] rawStart = new int[64];

  /** Message field index assigned to each pattern field by a space-delimited match. */
  int[] assigned = new int[64];

  /** Regex state sets. */
  long[] regexA = new long[4];

  long[] regexB = new long[4];

  final JsonCursor json = new JsonCursor();

  static Scratch get() {
    return LOCAL.get();
  }

  /** Encodes {@code s} as UTF-8 into {@link #message} and sets {@link #messageLength}. */
  byte[] encode(String s) {
    int n = s.length();
    if (message.length < n * 3) {
      message = new byte[Math.max(n * 3, message.length * 2)];
    }
    byte[] out = message;
    int j = 0;
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      if (c < 0x80) {
        out[j++] = (byte) c;
      } else if (c < 0x800) {
        out[j++] = (byte) (0xC0 | (c >> 6));
        out[j++] = (byte) (0x80 | (c & 0x3F));
      } else if (Character.isHighSurrogate(c)
          && i + 1 < n
          && Character.isLowSurrogate(s.charAt(i + 1))) {
        int cp = Character.toCodePoint(c, s.charAt(++i));
        out[j++] = (byte) (0xF0 | (cp >> 18));
        out[j++] = (byte) (0x80 | ((cp >> 12) & 0x3F));
        out[j++] = (byte) (0x80 | ((cp >> 6) & 0x3F));
        out[j++] = (byte) (0x80 | (cp & 0x3F));
      } else if (Character.isSurrogate(c)) {
        out[j++] = '?'; // a lone surrogate has no UTF-8 form; String.getBytes does the same
      } else {
        out[j++] = (byte) (0xE0 | (c >> 12));
        out[j++] = (byte) (0x80 | ((c >> 6) & 0x3F));
        out[j++] = (byte) (0x80 | (c & 0x3F));
      }
    }
    messageLength = j;
    return out;
  }

  void ensureFields(int n) {
    if (fieldStart.length < n) {
      int m = Math.max(n, fieldStart.length * 2);
      fieldStart = java.util.Arrays.copyOf(fieldStart, m);
      fieldEnd = java.util.Arrays.copyOf(fieldEnd, m);
      rawStart = java.util.Arrays.copyOf(rawStart, m);
    }
  }

  void ensureAssigned(int n) {
    if (assigned.length < n) {
      assigned = new int[Math.max(n, assigned.length * 2)];
    }
  }

  void ensureRegex(int words) {
    if (regexA.length < words) {
      regexA = new long[words];
      regexB = new long[words];
    }
  }

  byte[] ensureDecoded(int n) {
    if (decoded.length < n) {
      decoded = new byte[Math.max(n, decoded.length * 2)];
    }
    return decoded;
  }
}
