package io.cwlogs.server;

/**
 * Encodes UTF-16 chars as UTF-8 bytes, byte for byte as {@code new String(chars, offset, length)
 * .getBytes(UTF_8)} does, without building the {@code String}: a surrogate pair becomes one four-byte
 * sequence and a lone surrogate becomes {@code '?'}, the JDK's replacement.
 *
 * <p>Used by {@link PutLogEventsDecoder} on the chars Jackson has decoded for each message. Almost all
 * log messages are ASCII, so the first pass copies and checks at once (no branch per char) and only a
 * message with a char above 0x7F is measured and encoded again.
 */
final class Utf8Encoder {

  private Utf8Encoder() {}

  static byte[] encode(char[] chars, int offset, int length) {
    byte[] ascii = new byte[length];
    int seen = 0;
    for (int i = 0; i < length; i++) {
      char c = chars[offset + i];
      seen |= c;
      ascii[i] = (byte) c;
    }
    return seen < 0x80 ? ascii : encodeAny(chars, offset, offset + length);
  }

  private static byte[] encodeAny(char[] chars, int from, int to) {
    byte[] out = new byte[encodedLength(chars, from, to)];
    int n = 0;
    for (int i = from; i < to; i++) {
      char c = chars[i];
      if (c < 0x80) {
        out[n++] = (byte) c;
      } else if (c < 0x800) {
        out[n++] = (byte) (0xC0 | (c >> 6));
        out[n++] = (byte) (0x80 | (c & 0x3F));
      } else if (Character.isSurrogate(c)) {
        if (Character.isHighSurrogate(c) && i + 1 < to && Character.isLowSurrogate(chars[i + 1])) {
          int cp = Character.toCodePoint(c, chars[++i]);
          out[n++] = (byte) (0xF0 | (cp >> 18));
          out[n++] = (byte) (0x80 | ((cp >> 12) & 0x3F));
          out[n++] = (byte) (0x80 | ((cp >> 6) & 0x3F));
          out[n++] = (byte) (0x80 | (cp & 0x3F));
        } else {
          out[n++] = '?';
        }
      } else {
        out[n++] = (byte) (0xE0 | (c >> 12));
        out[n++] = (byte) (0x80 | ((c >> 6) & 0x3F));
        out[n++] = (byte) (0x80 | (c & 0x3F));
      }
    }
    return out;
  }

  private static int encodedLength(char[] chars, int from, int to) {
    int length = 0;
    for (int i = from; i < to; i++) {
      char c = chars[i];
      if (c < 0x80) {
        length += 1;
      } else if (c < 0x800) {
        length += 2;
      } else if (Character.isSurrogate(c)) {
        if (Character.isHighSurrogate(c) && i + 1 < to && Character.isLowSurrogate(chars[i + 1])) {
          length += 4;
          i++;
        } else {
          length += 1;
        }
      } else {
        length += 3;
      }
    }
    return length;
  }
}
