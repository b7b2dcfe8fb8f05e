package io.cwlogs.insights;

/**
 * {@code sum(f)}: the sum of the values that are numbers; missing when there are none.
 *
 * @param arg the summed expression
 */
record AggSum(Expr arg) implements Aggregation {
  @Override
  public Accumulator newAccumulator() {
    return new Accumulator() {
      double sum;
      boolean any;

      @Override
      public void add(Row row) {
        Double d = Values.toNumber(Evaluator.eval(arg, row));
        if (d != null) {
          sum += d;
          any = true;
        }
      }

      @Override
      public Object result() {
        return any ? sum : null;
      }
    };
  }
}
