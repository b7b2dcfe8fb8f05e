package io.cwlogs.filter;

import java.util.List;

/** The condition on one field of a space-delimited pattern, such as {@code status = 4*}. */
sealed interface FieldCondition {

  /** Whether the field value {@code h[off, off+len)} satisfies the condition. */
  boolean test(byte[] h, int off, int len);

  /** {@code a || b}: at least one holds. */
  record AnyOf(List<FieldCondition> operands) implements FieldCondition {
    public AnyOf {
      operands = List.copyOf(operands);
    }

    @Override
    public boolean test(byte[] h, int off, int len) {
      for (FieldCondition c : operands) {
        if (c.test(h, off, len)) {
          return true;
        }
      }
      return false;
    }
  }

  /** {@code a && b}: all hold. */
  record AllOf(List<FieldCondition> operands) implements FieldCondition {
    public AllOf {
      operands = List.copyOf(operands);
    }

    @Override
    public boolean test(byte[] h, int off, int len) {
      for (FieldCondition c : operands) {
        if (!c.test(h, off, len)) {
          return false;
        }
      }
      return true;
    }
  }

  /** {@code = text} / {@code != text} with AWS's leading/trailing {@code *} wildcards. */
  record StringTest(boolean negated, StringMatcher matcher) implements FieldCondition {
    @Override
    public boolean test(byte[] h, int off, int len) {
      return negated != matcher.test(h, off, len);
    }
  }

  /** A numeric comparison; a field that is not a number fails it, whatever the operator. */
  record NumberTest(CompareOp op, double value) implements FieldCondition {
    @Override
    public boolean test(byte[] h, int off, int len) {
      double v = Numbers.parse(h, off, off + len);
      return !Double.isNaN(v) && op.test(v, value);
    }
  }

  /** {@code = %regex%} / {@code != %regex%}: an unanchored search in the field. */
  record RegexTest(boolean negated, Regex regex) implements FieldCondition {
    @Override
    public boolean test(byte[] h, int off, int len) {
      return negated != regex.find(h, off, off + len);
    }
  }
}
