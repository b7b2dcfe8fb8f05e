package io.cwlogs.insights;

import java.util.List;
import java.util.regex.Pattern;

/** An expression of the query language: the closed set of expression tree nodes. */
sealed interface Expr {

  /** A field reference such as {@code @message}, {@code a.b.0} or {@code `foo-bar`}. */
  record Field(String name) implements Expr {}

  /** A string or number literal; the value is a {@link String} or a {@link Double}. */
  record Literal(Object value) implements Expr {}

  /** A period literal such as {@code 5m}, only valid as a date function's argument. */
  record PeriodLiteral(Period period) implements Expr {}

  /** Unary minus. */
  record Negate(Expr operand) implements Expr {}

  /** Boolean {@code not}. */
  record Not(Expr operand) implements Expr {}

  /** The binary operators, arithmetic, comparison and boolean. */
  enum Op {
    ADD,
    SUB,
    MUL,
    DIV,
    MOD,
    POW,
    EQ,
    NE,
    LT,
    LE,
    GT,
    GE,
    AND,
    OR
  }

  /** A binary operation. */
  record Binary(Op op, Expr left, Expr right) implements Expr {}

  /** {@code x like "text"}: a case-sensitive substring test, or its negation. */
  record Contains(Expr target, String text, boolean negated) implements Expr {}

  /** {@code x like /re/} or {@code x =~ /re/}: a regex search, or its negation. */
  record Matches(Expr target, Pattern regex, boolean negated) implements Expr {}

  /** {@code x in [a, b]}: whole-value membership, or its negation. */
  record In(Expr target, List<Expr> items, boolean negated) implements Expr {}

  /** A scalar function call. */
  record Call(ScalarFunction function, List<Expr> args) implements Expr {}

  /**
   * An aggregation inside a {@code stats} item; {@code index} is its slot among the command's
   * aggregations, whose results the row carries when the item is evaluated.
   */
  record Agg(Aggregation aggregation, int index) implements Expr {}
}
