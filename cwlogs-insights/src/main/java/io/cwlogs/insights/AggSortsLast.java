package io.cwlogs.insights;

/**
 * {@code sortsLast(f)}: the value of f that sorts last in {@code sort}'s natural order.
 *
 * @param arg the expression
 */
record AggSortsLast(Expr arg) implements Aggregation {
  @Override
  public Accumulator newAccumulator() {
    return new AggSortsFirst.Natural(arg, 1);
  }
}
