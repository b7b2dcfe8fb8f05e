package io.cwlogs.insights;

/**
 * {@code min(f)}: the smallest value that is a number or a timestamp, kept as it was (so {@code
 * min(@timestamp)} renders as a timestamp).
 *
 * @param arg the expression
 */
record AggMin(Expr arg) implements Aggregation {
  @Override
  public Accumulator newAccumulator() {
    return new Extreme(arg, -1);
  }

  /** The accumulator of min and max: keeps the best value and its numeric key. */
  static final class Extreme implements Accumulator {
    private final Expr arg;
    private final int sign;
    private Object best;
    private double key;

    Extreme(Expr arg, int sign) {
      this.arg = arg;
      this.sign = sign;
    }

    @Override
    public void add(Row row) {
      Object v = Evaluator.eval(arg, row);
      Double d = Values.toNumber(v);
      if (d != null && (best == null || Double.compare(d, key) * sign > 0)) {
        best = v;
        key = d;
      }
    }

    @Override
    public Object result() {
      return best;
    }
  }
}
