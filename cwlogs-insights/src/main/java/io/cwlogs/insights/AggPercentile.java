package io.cwlogs.insights;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code pct(f, p)}: the p-th percentile of the values that are numbers, by the nearest-rank method
 * (the smallest value with at least p% of the values at or below it).
 *
 * <p>Implementation notes: the first {@link Limits#EXACT_PERCENTILE_VALUES} values per group are
 * kept exactly. Past that the accumulator folds them into a log-bucket sketch (the DDSketch idea:
 * bucket {@code i} holds values in {@code (g^(i-1), g^i]} with {@code g = 1.02/0.98}), whose answer
 * is within 1% of the exact one and whose size depends on the values' range, not on their number.
 *
 * @param arg the expression
 * @param percent p, from 0 to 100
 */
record AggPercentile(Expr arg, double percent) implements Aggregation {
  private static final double ACCURACY = 0.01;
  private static final double GAMMA = (1 + ACCURACY) / (1 - ACCURACY);
  private static final double LOG_GAMMA = Math.log(GAMMA);

  @Override
  public Accumulator newAccumulator() {
    return new Accumulator() {
      double[] exact = new double[16];
      int n;
      Map<Integer, Long> positive;
      Map<Integer, Long> negative;
      long zeros;
      long total;

      @Override
      public void add(Row row) {
        Double d = Values.toNumber(Evaluator.eval(arg, row));
        if (d == null) {
          return;
        }
        if (exact != null) {
          if (n == exact.length) {
            if (n >= Limits.EXACT_PERCENTILE_VALUES) {
              toSketch();
              sketch(d);
              return;
            }
            exact = Arrays.copyOf(exact, Math.min(n * 2, Limits.EXACT_PERCENTILE_VALUES));
          }
          exact[n++] = d;
        } else {
          sketch(d);
        }
      }

      private void toSketch() {
        positive = new HashMap<>();
        negative = new HashMap<>();
        for (int i = 0; i < n; i++) {
          sketch(exact[i]);
        }
        exact = null;
      }

      private void sketch(double d) {
        total++;
        if (d == 0) {
          zeros++;
        } else if (d > 0) {
          positive.merge((int) Math.ceil(Math.log(d) / LOG_GAMMA), 1L, Long::sum);
        } else {
          negative.merge((int) Math.ceil(Math.log(-d) / LOG_GAMMA), 1L, Long::sum);
        }
      }

      @Override
      public Object result() {
        if (exact != null) {
          if (n == 0) {
            return null;
          }
          Arrays.sort(exact, 0, n);
          return exact[rank(n) - 1];
        }
        long want = rank(total);
        long seen = 0;
        for (Map.Entry<Integer, Long> e : new TreeMap<>(negative).descendingMap().entrySet()) {
          seen += e.getValue();
          if (seen >= want) {
            return -value(e.getKey());
          }
        }
        seen += zeros;
        if (seen >= want) {
          return 0.0;
        }
        for (Map.Entry<Integer, Long> e : new TreeMap<>(positive).entrySet()) {
          seen += e.getValue();
          if (seen >= want) {
            return value(e.getKey());
          }
        }
        return null;
      }

      private int rank(long count) {
        return (int) Math.max(1, Math.min(count, (long) Math.ceil(percent / 100.0 * count)));
      }

      private double value(int index) {
        return 2 * Math.pow(GAMMA, index) / (GAMMA + 1);
      }
    };
  }
}
