package io.cwlogs.insights;

/**
 * {@code earliest(f)}: f's value from the row with the earliest {@code @timestamp} among rows that
 * have f; the first seen wins a tie.
 *
 * @param arg the expression
 */
record AggEarliest(Expr arg) implements Aggregation {
  @Override
  public Accumulator newAccumulator() {
    return new ByTime(arg, -1);
  }

  /** The accumulator of earliest and latest. */
  static final class ByTime implements Accumulator {
    private final Expr arg;
    private final int sign;
    private Object value;
    private long time;

    ByTime(Expr arg, int sign) {
      this.arg = arg;
      this.sign = sign;
    }

    @Override
    public void add(Row row) {
      Long t = row.timestampMillis();
      if (t == null || (value != null && Long.compare(t, time) * sign <= 0)) {
        return;
      }
      Object v = Evaluator.eval(arg, row);
      if (v != null) {
        value = v;
        time = t;
      }
    }

    @Override
    public Object result() {
      return value;
    }
  }
}
