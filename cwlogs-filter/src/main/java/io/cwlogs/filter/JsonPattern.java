package io.cwlogs.filter;

import java.util.List;
import java.util.Optional;

/**
 * A JSON pattern such as {@code { $.a = "x" && ($.n > 5 || $.b IS TRUE) }}: a boolean expression of
 * tests on selected values, evaluated only on messages that are JSON.
 */
record JsonPattern(Expr expr, int regexCount) implements PatternNode {

  /** A node of the boolean expression. */
  sealed interface Expr permits And, Or, Test {}

  /** All operands hold. N-ary, so long chains do not recurse deeply. */
  record And(List<Expr> operands) implements Expr {
    And {
      operands = List.copyOf(operands);
    }
  }

  /** At least one operand holds. */
  record Or(List<Expr> operands) implements Expr {
    Or {
      operands = List.copyOf(operands);
    }
  }

  /** One test: a selector and the condition on the value it lands on. */
  record Test(JsonSelector selector, JsonCondition condition) implements Expr {}

  @Override
  public boolean matches(byte[] utf8, int offset, int length) {
    JsonCursor c = Scratch.get().json;
    int end = offset + length;
    c.reset(utf8, offset, end);
    int root = c.root(offset);
    if (root < 0) {
      return false; // not JSON: a JSON pattern never matches it
    }
    try {
      // Validate the rest only for candidate matches; non-JSON never matches.
      return eval(expr, c, root) && c.validDocument(root);
    } catch (RuntimeException e) {
      if (e == JsonCursor.MALFORMED) {
        return false;
      }
      throw e;
    }
  }

  /** The text of the first scalar {@code selector} reaches in a JSON message, if any. */
  static Optional<String> select(byte[] utf8, int offset, int length, JsonSelector selector) {
    JsonCursor c = Scratch.get().json;
    c.reset(utf8, offset, offset + length);
    int root = c.root(offset);
    if (root < 0) {
      return Optional.empty();
    }
    try {
      return c.scalarText(root, selector);
    } catch (RuntimeException e) {
      if (e == JsonCursor.MALFORMED) {
        return Optional.empty();
      }
      throw e;
    }
  }

  private static boolean eval(Expr e, JsonCursor c, int root) {
    return switch (e) {
      case And a -> {
        for (Expr x : a.operands()) {
          if (!eval(x, c, root)) {
            yield false;
          }
        }
        yield true;
      }
      case Or o -> {
        for (Expr x : o.operands()) {
          if (eval(x, c, root)) {
            yield true;
          }
        }
        yield false;
      }
      case Test t -> c.test(root, t.selector(), t.condition());
    };
  }
}
