package io.cwlogs.insights;

import java.util.Optional;

/**
 * {@code count()}, {@code count(*)} (every row) and {@code count(f)} (rows where f is present).
 *
 * @param arg the counted expression, empty for all rows
 */
record AggCount(Optional<Expr> arg) implements Aggregation {
  @Override
  public Accumulator newAccumulator() {
    return new Accumulator() {
      long n;

      @Override
      public void add(Row row) {
        if (arg.isEmpty() || Evaluator.eval(arg.get(), row) != null) {
          n++;
        }
      }

      @Override
      public Object result() {
        return (double) n;
      }
    };
  }
}
