package io.cwlogs.insights;

/**
 * {@code stddev(f)}: the sample standard deviation (n - 1 divisor) of the values that are numbers,
 * computed with Welford's update; 0 for one value, missing for none.
 *
 * @param arg the expression
 */
record AggStddev(Expr arg) implements Aggregation {
  @Override
  public Accumulator newAccumulator() {
    return new Accumulator() {
      long n;
      double mean;
      double m2;

      @Override
      public void add(Row row) {
        Double d = Values.toNumber(Evaluator.eval(arg, row));
        if (d != null) {
          n++;
          double delta = d - mean;
          mean += delta / n;
          m2 += delta * (d - mean);
        }
      }

      @Override
      public Object result() {
        if (n == 0) {
          return null;
        }
        return n == 1 ? 0.0 : Math.sqrt(m2 / (n - 1));
      }
    };
  }
}
