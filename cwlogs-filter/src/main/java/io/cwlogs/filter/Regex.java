package io.cwlogs.filter;

import java.util.ArrayList;
import java.util.List;

/**
 * A compiled AWS filter regex: the {@code %...%} subset, matched as an unanchored search.
 *
 * <p>Implementation notes: AWS's subset has no parentheses, so every alternative of the top-level
 * {@code |} is a plain sequence of quantified atoms. After expanding {@code +} and {@code {m,n}}
 * into copies, each item is matched once, optionally, or any number of times. State {@code k} of an
 * alternative means "items before k are matched", which makes a position automaton whose states are
 * bits of a word array, and one input character advances every state at once (a generalised
 * Shift-And):
 *
 * <pre>
 *   adv  = states &amp; maskFor(c)             // states whose next item accepts c
 *   next = ((adv &amp; ~star) &lt;&lt; 1) | (adv &amp; star) | startStates
 *   next = closure(next)                     // skip optional, starred and satisfied ^ / $ items
 * </pre>
 *
 * Work is O(message length x states / 64) with no backtracking, so no pattern can be catastrophic.
 * The state count is capped at {@link #MAX_STATES}. Characters are code points: UTF-8 continuation
 * bytes are skipped, and every non-ASCII code point is one symbol that only {@code .} and negated
 * classes accept (patterns themselves are ASCII-only, as AWS requires).
 */
final class Regex {
  /** Largest number of automaton states a pattern may expand to. */
  static final int MAX_STATES = 4096;

  /** Largest repetition count in {@code {m,n}}. */
  static final int MAX_REPEAT = 1000;

  private static final int NON_ASCII = 128;

  private final String source;
  private final int words;
  private final long[] masks; // (129 symbols) x words
  private final long[] star;
  private final long[] skip;
  private final long[] begin;
  private final long[] end;
  private final long[] start;
  private final long[] accept;

  private enum Quant {
    ONE,
    OPT,
    STAR
  }

  private enum Kind {
    ATOM,
    BEGIN,
    END
  }

  private record Item(Kind kind, boolean[] accepts, Quant quant) {}

  private Regex(String source, List<List<Item>> alternatives) {
    this.source = source;
    int states = 0;
    for (List<Item> alt : alternatives) {
      states += alt.size() + 1;
    }
    if (states > MAX_STATES) {
      throw InvalidFilterPatternException.invalid("regex too large: " + states + " states");
    }
    words = (states + 63) >>> 6;
    masks = new long[(NON_ASCII + 1) * words];
    star = new long[words];
    skip = new long[words];
    begin = new long[words];
    end = new long[words];
    start = new long[words];
    accept = new long[words];
    int s = 0;
    for (List<Item> alt : alternatives) {
      set(start, s);
      for (Item it : alt) {
        switch (it.kind()) {
          case BEGIN -> set(begin, s);
          case END -> set(end, s);
          case ATOM -> {
            for (int c = 0; c <= NON_ASCII; c++) {
              if (it.accepts()[c]) {
                masks[c * words + (s >>> 6)] |= 1L << s;
              }
            }
            if (it.quant() == Quant.STAR) {
              set(star, s);
              set(skip, s);
            } else if (it.quant() == Quant.OPT) {
              set(skip, s);
            }
          }
        }
        s++;
      }
      set(accept, s);
      s++;
    }
  }

  private static void set(long[] bits, int i) {
    bits[i >>> 6] |= 1L << i;
  }

  String source() {
    return source;
  }

  /** Whether the regex occurs anywhere in the UTF-8 bytes {@code h[from, to)}. */
  boolean find(byte[] h, int from, int to) {
    if (words == 1) {
      return find64(h, from, to);
    }
    Scratch scratch = Scratch.get();
    scratch.ensureRegex(words);
    long[] cur = scratch.regexA;
    long[] next = scratch.regexB;
    System.arraycopy(start, 0, cur, 0, words);
    closure(cur, true, from == to);
    if (hits(cur)) {
      return true;
    }
    for (int i = from; i < to; i++) {
      int sym = symbol(h[i]);
      if (sym < 0) {
        continue;
      }
      if (step(cur, next, sym)) {
        return true;
      }
      long[] t = cur;
      cur = next;
      next = t;
    }
    closure(cur, false, true);
    return hits(cur);
  }

  /** {@link #find(byte[], int, int)} for automata of at most 64 states, held in registers. */
  private boolean find64(byte[] h, int from, int to) {
    final long st = star[0];
    final long sk = skip[0];
    final long ac = accept[0];
    final long in = start[0];
    long cur = closure64(in, sk | begin[0] | (from == to ? end[0] : 0));
    if ((cur & ac) != 0) {
      return true;
    }
    long[] m = masks;
    for (int i = from; i < to; i++) {
      int sym = symbol(h[i]);
      if (sym < 0) {
        continue;
      }
      long adv = cur & m[sym];
      cur = closure64(((adv & ~st) << 1) | (adv & st) | in, sk);
      if ((cur & ac) != 0) {
        return true;
      }
    }
    return (closure64(cur, sk | end[0]) & ac) != 0;
  }

  /**
   * The automaton symbol for one UTF-8 byte: the ASCII code, {@link #NON_ASCII} for the lead byte of
   * any other code point, or -1 for a continuation byte (part of the code point already counted).
   */
  private static int symbol(byte b) {
    if (b >= 0) {
      return b;
    }
    return (b & 0xC0) == 0x80 ? -1 : NON_ASCII;
  }

  private static long closure64(long x, long passable) {
    long add = ((x & passable) << 1) & ~x;
    while (add != 0) {
      x |= add;
      add = ((add & passable) << 1) & ~x;
    }
    return x;
  }

  /** Whether the regex occurs anywhere in {@code s}. */
  boolean find(CharSequence s) {
    Scratch scratch = Scratch.get();
    scratch.ensureRegex(words);
    long[] cur = scratch.regexA;
    long[] next = scratch.regexB;
    System.arraycopy(start, 0, cur, 0, words);
    int n = s.length();
    closure(cur, true, n == 0);
    if (hits(cur)) {
      return true;
    }
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      if (Character.isLowSurrogate(c) && i > 0 && Character.isHighSurrogate(s.charAt(i - 1))) {
        continue;
      }
      if (step(cur, next, c < 128 ? c : NON_ASCII)) {
        return true;
      }
      long[] t = cur;
      cur = next;
      next = t;
    }
    closure(cur, false, true);
    return hits(cur);
  }

  /** Advances {@code cur} over one symbol into {@code next}; true if an accept state is reached. */
  private boolean step(long[] cur, long[] next, int sym) {
    int base = sym * words;
    long carry = 0;
    for (int w = 0; w < words; w++) {
      long adv = cur[w] & masks[base + w];
      long moved = adv & ~star[w];
      next[w] = (moved << 1) | carry | (adv & star[w]) | start[w];
      carry = moved >>> 63;
    }
    closure(next, false, false);
    return hits(next);
  }

  /**
   * Adds every state reachable without input: past optional/starred items and satisfied anchors.
   */
  private void closure(long[] x, boolean atBegin, boolean atEnd) {
    boolean changed = true;
    while (changed) {
      changed = false;
      long carry = 0;
      for (int w = 0; w < words; w++) {
        long passable = skip[w] | (atBegin ? begin[w] : 0) | (atEnd ? end[w] : 0);
        long src = x[w] & passable;
        long add = ((src << 1) | carry) & ~x[w];
        carry = src >>> 63;
        if (add != 0) {
          x[w] |= add;
          changed = true;
        }
      }
    }
  }

  private boolean hits(long[] x) {
    for (int w = 0; w < words; w++) {
      if ((x[w] & accept[w]) != 0) {
        return true;
      }
    }
    return false;
  }

  // ---------------------------------------------------------------- parsing

  /** The characters AWS allows in a regex besides letters and digits. */
  private static final String ALLOWED_SYMBOLS = ":_#=@/;,- ^$?[]{}|\\*+.";

  /**
   * Compiles the text between the two '%' delimiters.
   *
   * @throws InvalidFilterPatternException with AWS's message for disallowed characters, and the
   *     generic message for malformed syntax
   */
  static Regex compile(String src) {
    for (int i = 0; i < src.length(); i++) {
      char c = src.charAt(i);
      boolean ok =
          (c >= 'a' && c <= 'z')
              || (c >= 'A' && c <= 'Z')
              || (c >= '0' && c <= '9')
              || ALLOWED_SYMBOLS.indexOf(c) >= 0;
      if (!ok) {
        throw new InvalidFilterPatternException(
            InvalidFilterPatternException.INVALID_CHARACTERS,
            "character '" + c + "' is not allowed in a regex");
      }
    }
    List<List<Item>> alts = new ArrayList<>();
    Parser p = new Parser(src);
    alts.add(p.alternative());
    while (p.i < src.length()) {
      p.i++; // the '|'
      alts.add(p.alternative());
    }
    return new Regex(src, alts);
  }

  private static final class Parser {
    final String s;
    int i;
    int total;

    Parser(String s) {
      this.s = s;
    }

    List<Item> alternative() {
      List<Item> items = new ArrayList<>();
      while (i < s.length() && s.charAt(i) != '|') {
        char c = s.charAt(i);
        if (c == '^' || c == '$') {
          i++;
          items.add(new Item(c == '^' ? Kind.BEGIN : Kind.END, null, Quant.ONE));
          if (i < s.length() && "*+?{".indexOf(s.charAt(i)) >= 0) {
            throw InvalidFilterPatternException.invalid("quantifier after an anchor");
          }
          continue;
        }
        if (c == '*' || c == '+' || c == '?' || c == '{') {
          throw InvalidFilterPatternException.invalid("quantifier without an atom at " + i);
        }
        boolean[] atom = atom();
        quantified(atom, items);
      }
      return items;
    }

    private boolean[] atom() {
      char c = s.charAt(i++);
      boolean[] a = new boolean[NON_ASCII + 1];
      switch (c) {
        case '.' -> {
          java.util.Arrays.fill(a, true);
          a['\n'] = false;
        }
        case '[' -> charClass(a);
        case '\\' -> escape(a, false);
        default -> a[c] = true;
      }
      return a;
    }

    private void charClass(boolean[] a) {
      boolean negate = i < s.length() && s.charAt(i) == '^';
      if (negate) {
        i++;
      }
      boolean[] set = new boolean[NON_ASCII + 1];
      boolean first = true;
      while (true) {
        if (i >= s.length()) {
          throw InvalidFilterPatternException.invalid("unterminated character class");
        }
        char c = s.charAt(i);
        if (c == ']' && !first) {
          i++;
          break;
        }
        first = false;
        i++;
        int lo;
        if (c == '\\') {
          boolean[] esc = new boolean[NON_ASCII + 1];
          lo = escape(esc, true);
          if (lo < 0) {
            or(set, esc);
            continue;
          }
        } else {
          lo = c;
        }
        if (i + 1 < s.length() && s.charAt(i) == '-' && s.charAt(i + 1) != ']') {
          i++;
          char hc = s.charAt(i++);
          int hi = hc;
          if (hc == '\\') {
            boolean[] esc = new boolean[NON_ASCII + 1];
            hi = escape(esc, true);
            if (hi < 0) {
              throw InvalidFilterPatternException.invalid("class shorthand as a range end");
            }
          }
          if (hi < lo) {
            throw InvalidFilterPatternException.invalid("range out of order");
          }
          for (int x = lo; x <= hi; x++) {
            set[x] = true;
          }
        } else {
          set[lo] = true;
        }
      }
      for (int x = 0; x <= NON_ASCII; x++) {
        a[x] = negate != set[x];
      }
    }

    /**
     * Parses an escape after the backslash into {@code a}; returns the single character it stands
     * for, or -1 for a class shorthand such as {@code \d}.
     */
    private int escape(boolean[] a, boolean inClass) {
      if (i >= s.length()) {
        throw InvalidFilterPatternException.invalid("trailing backslash");
      }
      char c = s.charAt(i++);
      switch (c) {
        case 'd', 'D' -> {
          for (int x = '0'; x <= '9'; x++) {
            a[x] = true;
          }
          if (c == 'D') {
            negate(a);
          }
          return -1;
        }
        case 'w', 'W' -> {
          for (int x = 0; x < NON_ASCII; x++) {
            a[x] = TermPattern.isWord(x);
          }
          if (c == 'W') {
            negate(a);
          }
          return -1;
        }
        case 's', 'S' -> {
          for (char x : new char[] {' ', '\t', '\n', '\r', '\f', 0x0B}) {
            a[x] = true;
          }
          if (c == 'S') {
            negate(a);
          }
          return -1;
        }
        case 'x' -> {
          if (i + 2 > s.length()) {
            throw InvalidFilterPatternException.invalid("\\x needs two hex digits");
          }
          int v;
          try {
            v = Integer.parseInt(s.substring(i, i + 2), 16);
          } catch (NumberFormatException e) {
            throw InvalidFilterPatternException.invalid("\\x needs two hex digits");
          }
          if (v >= 0x80) {
            throw InvalidFilterPatternException.invalid("only ASCII can be written as \\xhh");
          }
          i += 2;
          a[v] = true;
          return v;
        }
        case 't' -> {
          a['\t'] = true;
          return '\t';
        }
        case 'n' -> {
          a['\n'] = true;
          return '\n';
        }
        case 'r' -> {
          a['\r'] = true;
          return '\r';
        }
        default -> {
          if (TermPattern.isWord(c)) {
            throw InvalidFilterPatternException.invalid("unsupported escape \\" + c);
          }
          a[c] = true;
          return c;
        }
      }
    }

    private void quantified(boolean[] atom, List<Item> items) {
      int min = 1;
      int max = 1; // -1 = unbounded
      if (i < s.length()) {
        char q = s.charAt(i);
        if (q == '*' || q == '+' || q == '?') {
          i++;
          min = q == '+' ? 1 : 0;
          max = q == '?' ? 1 : -1;
        } else if (q == '{') {
          int close = s.indexOf('}', i);
          if (close < 0) {
            throw InvalidFilterPatternException.invalid("unterminated {m,n}");
          }
          String body = s.substring(i + 1, close);
          i = close + 1;
          int comma = body.indexOf(',');
          try {
            if (comma < 0) {
              min = max = Integer.parseInt(body);
            } else {
              String lo = body.substring(0, comma);
              String hi = body.substring(comma + 1);
              min = lo.isEmpty() ? 0 : Integer.parseInt(lo);
              max = hi.isEmpty() ? -1 : Integer.parseInt(hi);
              if (lo.isEmpty() && hi.isEmpty()) {
                throw InvalidFilterPatternException.invalid("empty {,}");
              }
            }
          } catch (NumberFormatException e) {
            throw InvalidFilterPatternException.invalid("bad repetition {" + body + "}");
          }
          if (min < 0 || min > MAX_REPEAT || max > MAX_REPEAT || (max >= 0 && max < min)) {
            throw InvalidFilterPatternException.invalid("bad repetition {" + body + "}");
          }
        }
        if (i < s.length() && s.charAt(i) == '?' && (min != 1 || max != 1)) {
          i++; // lazy modifier: irrelevant for a yes/no search
        }
        if (i < s.length() && "*+?{".indexOf(s.charAt(i)) >= 0) {
          throw InvalidFilterPatternException.invalid("nested quantifier at " + i);
        }
      }
      int copies = min + (max < 0 ? 1 : max - min);
      total += copies;
      if (total > MAX_STATES) {
        throw InvalidFilterPatternException.invalid("regex too large");
      }
      for (int k = 0; k < min; k++) {
        items.add(new Item(Kind.ATOM, atom, Quant.ONE));
      }
      if (max < 0) {
        items.add(new Item(Kind.ATOM, atom, Quant.STAR));
      } else {
        for (int k = min; k < max; k++) {
          items.add(new Item(Kind.ATOM, atom, Quant.OPT));
        }
      }
    }

    private static void negate(boolean[] a) {
      for (int x = 0; x < a.length; x++) {
        a[x] = !a[x];
      }
    }

    private static void or(boolean[] into, boolean[] from) {
      for (int x = 0; x < into.length; x++) {
        into[x] |= from[x];
      }
    }
  }
}
