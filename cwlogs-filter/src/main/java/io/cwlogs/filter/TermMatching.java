package io.cwlogs.filter;

/**
 * How an unstructured term is found in a message.
 *
 * <p>AWS's documentation shows substring containment ({@code ERROR} matches {@code ERRORCODE}), but
 * newer pages are silent, so the token-boundary alternative is kept behind this switch until the
 * question is settled against real AWS (see docs/design-decisions-filter.md).
 */
public enum TermMatching {
  /** A term matches anywhere in the message, also inside a longer word (the documented default). */
  SUBSTRING,
  /**
   * A term matches only where it is not directly preceded or followed by a letter, digit or '_'.
   */
  TOKEN
}
