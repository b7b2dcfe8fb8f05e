package io.cwlogs.filter;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A JSON property selector such as {@code $.a.b[0]}, {@code $.['cluster.name']}, {@code $.list[*]}
 * or {@code $.map.*}: the path from the root to the value a condition tests.
 */
record JsonSelector(String text, List<Step> steps) {

  /** One step of a selector. */
  sealed interface Step permits Field, AnyField, Index, AnyIndex {}

  /** An object member by name. */
  record Field(String name, byte[] utf8) implements Step {
    Field(String name) {
      this(name, name.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Field f && f.name.equals(name);
    }

    @Override
    public int hashCode() {
      return name.hashCode();
    }

    @Override
    public String toString() {
      return "Field[" + name + "]";
    }
  }

  /** {@code .*}: any member of an object. */
  record AnyField() implements Step {}

  /** {@code [n]}: an array element by zero-based index. */
  record Index(int index) implements Step {}

  /** {@code [*]}: any element of an array. */
  record AnyIndex() implements Step {}

  JsonSelector {
    steps = List.copyOf(steps);
  }

  int wildcards() {
    int n = 0;
    for (Step s : steps) {
      if (s instanceof AnyField || s instanceof AnyIndex) {
        n++;
      }
    }
    return n;
  }

  static boolean isNameChar(char c) {
    return TermPattern.isWord(c) || c == '-' || c == '@';
  }

  /**
   * Parses a selector starting at {@code p[i] == '$'}; returns it and stores the end index in
   * {@code end[0]}.
   */
  static JsonSelector parse(String p, int i, int[] end) {
    int start = i;
    i++; // '$'
    List<Step> steps = new ArrayList<>();
    int n = p.length();
    while (i < n) {
      char c = p.charAt(i);
      if (c == '.') {
        i++;
        if (i < n && p.charAt(i) == '*') {
          steps.add(new AnyField());
          i++;
        } else if (i < n && p.charAt(i) == '[') {
          i = bracket(p, i, steps);
        } else {
          int s = i;
          while (i < n && isNameChar(p.charAt(i))) {
            i++;
          }
          if (s == i) {
            throw InvalidFilterPatternException.invalid("empty selector name at " + s);
          }
          steps.add(new Field(p.substring(s, i)));
        }
      } else if (c == '[') {
        i = bracket(p, i, steps);
      } else {
        break;
      }
    }
    if (steps.isEmpty()) {
      throw InvalidFilterPatternException.invalid("selector needs at least one step");
    }
    JsonSelector sel = new JsonSelector(p.substring(start, i), steps);
    if (sel.wildcards() > 1) {
      throw InvalidFilterPatternException.invalid("only one wildcard per selector");
    }
    end[0] = i;
    return sel;
  }

  private static int bracket(String p, int i, List<Step> steps) {
    int n = p.length();
    i++; // '['
    if (i < n && p.charAt(i) == '*') {
      i++;
      steps.add(new AnyIndex());
    } else if (i < n && p.charAt(i) == '\'') {
      int close = p.indexOf('\'', i + 1);
      if (close < 0) {
        throw InvalidFilterPatternException.invalid("unterminated quoted key");
      }
      steps.add(new Field(p.substring(i + 1, close)));
      i = close + 1;
    } else {
      int s = i;
      while (i < n && p.charAt(i) >= '0' && p.charAt(i) <= '9') {
        i++;
      }
      if (s == i || i - s > 9) {
        throw InvalidFilterPatternException.invalid("bad array index");
      }
      steps.add(new Index(Integer.parseInt(p.substring(s, i))));
    }
    if (i >= n || p.charAt(i) != ']') {
      throw InvalidFilterPatternException.invalid("expected ']'");
    }
    return i + 1;
  }
}
