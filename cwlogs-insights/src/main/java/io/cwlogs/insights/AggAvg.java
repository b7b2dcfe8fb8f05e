package io.cwlogs.insights;

/**
 * {@code avg(f)}: the mean of the values that are numbers; missing when there are none.
 *
 * @param arg the averaged expression
 */
record AggAvg(Expr arg) implements Aggregation {
  @Override
  public Accumulator newAccumulator() {
    return new Accumulator() {
      double sum;
      long n;

      @Override
      public void add(Row row) {
        Double d = Values.toNumber(Evaluator.eval(arg, row));
        if (d != null) {
          sum += d;
          n++;
        }
      }

      @Override
      public Object result() {
        return n == 0 ? null : sum / n;
      }
    };
  }
}
