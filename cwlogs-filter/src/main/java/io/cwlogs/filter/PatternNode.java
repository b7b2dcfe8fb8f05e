package io.cwlogs.filter;

/**
 * The compiled form of one filter pattern: a closed set, one record per syntax.
 *
 * <p>{@link FilterPattern} switches over it exhaustively; each record owns its matching kernel.
 * Byte input is UTF-8 and the canonical form; the String overloads exist so that term patterns can
 * use {@link String#indexOf(String)} without encoding.
 */
sealed interface PatternNode
    permits MatchAllPattern, TermPattern, JsonPattern, SpaceDelimitedPattern, RegexPattern {

  /** Whether the UTF-8 message in {@code utf8[offset, offset+length)} matches. */
  boolean matches(byte[] utf8, int offset, int length);
}
