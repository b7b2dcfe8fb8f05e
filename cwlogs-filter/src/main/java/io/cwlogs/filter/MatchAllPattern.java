package io.cwlogs.filter;

/** The empty or whitespace-only pattern, which matches every event. */
record MatchAllPattern() implements PatternNode {
  @Override
  public boolean matches(byte[] utf8, int offset, int length) {
    return true;
  }
}
