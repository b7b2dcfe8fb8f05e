package io.cwlogs.filter;

/** A standalone {@code %regex%} pattern: the regex is searched for anywhere in the message. */
record RegexPattern(Regex regex) implements PatternNode {
  @Override
  public boolean matches(byte[] utf8, int offset, int length) {
    return regex.find(utf8, offset, offset + length);
  }

  boolean matches(String message) {
    return regex.find(message);
  }
}
