package io.cwlogs.insights;

/**
 * {@code sortsFirst(f)}: the value of f that sorts first in {@code sort}'s natural order.
 *
 * @param arg the expression
 */
record AggSortsFirst(Expr arg) implements Aggregation {
  @Override
  public Accumulator newAccumulator() {
    return new Natural(arg, -1);
  }

  /** The accumulator of sortsFirst and sortsLast. */
  static final class Natural implements Accumulator {
    private final Expr arg;
    private final int sign;
    private Object best;

    Natural(Expr arg, int sign) {
      this.arg = arg;
      this.sign = sign;
    }

    @Override
    public void add(Row row) {
      Object v = Evaluator.eval(arg, row);
      if (v != null && (best == null || NaturalOrder.INSTANCE.compare(v, best) * sign > 0)) {
        best = v;
      }
    }

    @Override
    public Object result() {
      return best;
    }
  }
}
