package io.cwlogs.filter;

/** What a JSON pattern test checks about the value its selector lands on. */
sealed interface JsonCondition {

  /** {@code = "text"} / {@code != "text"} with wildcards: applies to JSON strings only. */
  record StringTest(boolean negated, StringMatcher matcher) implements JsonCondition {}

  /** A numeric comparison: applies to JSON numbers only. */
  record NumberTest(CompareOp op, double value) implements JsonCondition {}

  /** {@code = %regex%} / {@code != %regex%}: an unanchored search in a JSON string. */
  record RegexTest(boolean negated, Regex regex) implements JsonCondition {}

  /** {@code = *}: the selector lands on any value node (string, number, boolean or null). */
  record Present() implements JsonCondition {}

  /** {@code IS TRUE}, {@code IS FALSE}, {@code IS NULL}: the literal {@code true/false/null}. */
  record IsLiteral(String literal) implements JsonCondition {}

  /** {@code NOT EXISTS}: the selector lands on nothing at all. */
  record NotExists() implements JsonCondition {}
}
