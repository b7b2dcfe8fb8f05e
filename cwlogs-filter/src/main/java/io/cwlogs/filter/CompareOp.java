package io.cwlogs.filter;

/** A comparison operator of JSON and space-delimited conditions. */
enum CompareOp {
  EQ("="),
  NE("!="),
  LT("<"),
  GT(">"),
  LE("<="),
  GE(">=");

  final String symbol;

  CompareOp(String symbol) {
    this.symbol = symbol;
  }

  boolean test(double actual, double expected) {
    return switch (this) {
      case EQ -> actual == expected;
      case NE -> actual != expected;
      case LT -> actual < expected;
      case GT -> actual > expected;
      case LE -> actual <= expected;
      case GE -> actual >= expected;
    };
  }

  /** Reads an operator at {@code s[i]}, or returns null when there is none (internal use only). */
  static CompareOp at(String s, int i) {
    if (i >= s.length()) {
      return null;
    }
    char c = s.charAt(i);
    char d = i + 1 < s.length() ? s.charAt(i + 1) : 0;
    return switch (c) {
      case '=' -> EQ;
      case '!' -> d == '=' ? NE : null;
      case '<' -> d == '=' ? LE : LT;
      case '>' -> d == '=' ? GE : GT;
      default -> null;
    };
  }
}
