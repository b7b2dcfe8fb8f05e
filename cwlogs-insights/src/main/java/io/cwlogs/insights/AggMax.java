package io.cwlogs.insights;

/**
 * {@code max(f)}: the largest value that is a number or a timestamp, kept as it was.
 *
 * @param arg the expression
 */
record AggMax(Expr arg) implements Aggregation {
  @Override
  public Accumulator newAccumulator() {
    return new AggMin.Extreme(arg, 1);
  }
}
