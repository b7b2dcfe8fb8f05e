package io.cwlogs.insights;

/**
 * {@code latest(f)}: f's value from the row with the latest {@code @timestamp} among rows that have
 * f; the first seen wins a tie.
 *
 * @param arg the expression
 */
record AggLatest(Expr arg) implements Aggregation {
  @Override
  public Accumulator newAccumulator() {
    return new AggEarliest.ByTime(arg, 1);
  }
}
