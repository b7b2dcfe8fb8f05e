package io.cwlogs.client;

/**
 * UTF-8 sizing without encoding: the byte counts the service uses for batch and event limits.
 *
 * <p>Counts match {@code String.getBytes(UTF_8)}: a lone surrogate is replaced by {@code '?'} (one
 * byte), a valid surrogate pair is four bytes.
 */
final class Utf8 {
  private Utf8() {}

  /** Returns the number of bytes {@code s} occupies in UTF-8. */
  static int size(CharSequence s) {
    int bytes = 0;
    int n = s.length();
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      if (c < 0x80) {
        bytes += 1;
      } else if (c < 0x800) {
        bytes += 2;
      } else if (Character.isHighSurrogate(c)
          && i + 1 < n
          && Character.isLowSurrogate(s.charAt(i + 1))) {
        bytes += 4;
        i++;
      } else if (Character.isSurrogate(c)) {
        bytes += 1;
      } else {
        bytes += 3;
      }
    }
    return bytes;
  }

  /**
   * Returns the length in chars of the longest prefix of {@code s} that fits in {@code maxBytes}
   * UTF-8 bytes without splitting a surrogate pair.
   */
  static int prefixFitting(CharSequence s, int maxBytes) {
    int bytes = 0;
    int n = s.length();
    int i = 0;
    while (i < n) {
      char c = s.charAt(i);
      int width;
      int chars = 1;
      if (c < 0x80) {
        width = 1;
      } else if (c < 0x800) {
        width = 2;
      } else if (Character.isHighSurrogate(c)
          && i + 1 < n
          && Character.isLowSurrogate(s.charAt(i + 1))) {
        width = 4;
        chars = 2;
      } else if (Character.isSurrogate(c)) {
        width = 1;
      } else {
        width = 3;
      }
      if (bytes + width > maxBytes) {
        break;
      }
      bytes += width;
      i += chars;
    }
    return i;
  }
}
