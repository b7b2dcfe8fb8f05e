package io.cwlogs.filter;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * An unstructured term pattern: plain terms (all required), {@code ?optional} terms (at least one,
 * and only when there is no plain term) and {@code -excluded} terms (none may occur).
 *
 * <p>The rule that optional terms are ignored when a plain term is present is AWS's documented
 * behaviour, not an oversight: {@code ?ERROR ?ARGUMENTS REQUEST} behaves like {@code REQUEST}.
 */
record TermPattern(
    List<Term> required, List<Term> optional, List<Term> excluded, TermMatching matching)
    implements PatternNode {

  /** One term: the literal text to find, and its precompiled byte searcher. */
  record Term(String text, ByteSearch search) {
    static Term of(String text) {
      return new Term(text, new ByteSearch(text.getBytes(StandardCharsets.UTF_8)));
    }
  }

  TermPattern {
    required = List.copyOf(required);
    // Ignored optional terms are dropped here so the matcher need not know the rule.
    optional = required.isEmpty() ? List.copyOf(optional) : List.of();
    excluded = List.copyOf(excluded);
  }

  @Override
  public boolean matches(byte[] h, int off, int len) {
    int end = off + len;
    for (int i = 0; i < required.size(); i++) {
      if (!contains(required.get(i), h, off, end)) {
        return false;
      }
    }
    if (!optional.isEmpty()) {
      boolean any = false;
      for (int i = 0; i < optional.size() && !any; i++) {
        any = contains(optional.get(i), h, off, end);
      }
      if (!any) {
        return false;
      }
    }
    for (int i = 0; i < excluded.size(); i++) {
      if (contains(excluded.get(i), h, off, end)) {
        return false;
      }
    }
    return true;
  }

  boolean matches(String s) {
    for (int i = 0; i < required.size(); i++) {
      if (!contains(required.get(i).text(), s)) {
        return false;
      }
    }
    if (!optional.isEmpty()) {
      boolean any = false;
      for (int i = 0; i < optional.size() && !any; i++) {
        any = contains(optional.get(i).text(), s);
      }
      if (!any) {
        return false;
      }
    }
    for (int i = 0; i < excluded.size(); i++) {
      if (contains(excluded.get(i).text(), s)) {
        return false;
      }
    }
    return true;
  }

  private boolean contains(Term t, byte[] h, int off, int end) {
    ByteSearch search = t.search();
    if (matching == TermMatching.SUBSTRING) {
      return search.indexOf(h, off, end) >= 0;
    }
    int m = search.length();
    for (int from = off; ; ) {
      int at = search.indexOf(h, from, end);
      if (at < 0) {
        return false;
      }
      boolean leftOk = at == off || !isWord(h[at - 1]) || !isWord(h[at]);
      boolean rightOk = m == 0 || at + m == end || !isWord(h[at + m]) || !isWord(h[at + m - 1]);
      if (leftOk && rightOk) {
        return true;
      }
      from = at + 1;
    }
  }

  private boolean contains(String term, String s) {
    if (matching == TermMatching.SUBSTRING) {
      return s.contains(term);
    }
    int m = term.length();
    for (int from = 0; ; ) {
      int at = s.indexOf(term, from);
      if (at < 0) {
        return false;
      }
      if (m == 0) {
        return true;
      }
      boolean leftOk = at == 0 || !isWord(s.charAt(at - 1)) || !isWord(s.charAt(at));
      boolean rightOk =
          at + m == s.length() || !isWord(s.charAt(at + m)) || !isWord(s.charAt(at + m - 1));
      if (leftOk && rightOk) {
        return true;
      }
      from = at + 1;
    }
  }

  static boolean isWord(int c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
  }

  /**
   * Parses a term list. A bare term is letters, digits and '_'; anything else must be quoted. A '-'
   * or '?' inside a bare word starts a new excluded or optional term, which is how AWS reads {@code
   * ORDER-ITEM-1} (and why it finds nothing).
   */
  static TermPattern parse(String p, TermMatching matching) {
    List<Term> req = new ArrayList<>();
    List<Term> opt = new ArrayList<>();
    List<Term> exc = new ArrayList<>();
    int i = 0;
    int n = p.length();
    while (i < n) {
      char c = p.charAt(i);
      if (Character.isWhitespace(c)) {
        i++;
        continue;
      }
      List<Term> target = req;
      if (c == '?' || c == '-') {
        target = c == '?' ? opt : exc;
        i++;
        if (i >= n || Character.isWhitespace(p.charAt(i))) {
          throw InvalidFilterPatternException.invalid("'" + c + "' must be followed by a term");
        }
        c = p.charAt(i);
      }
      if (c == '"') {
        StringBuilder sb = new StringBuilder();
        i = readQuoted(p, i, sb);
        target.add(Term.of(sb.toString()));
      } else if (isWord(c)) {
        int start = i;
        while (i < n && isWord(p.charAt(i))) {
          i++;
        }
        target.add(Term.of(p.substring(start, i)));
      } else {
        throw new InvalidFilterPatternException(
            InvalidFilterPatternException.INVALID,
            "character '" + c + "' must be inside a quoted term");
      }
    }
    return new TermPattern(req, opt, exc, matching);
  }

  /**
   * Reads a double-quoted string starting at {@code p[i] == '"'} into {@code out}, honouring {@code
   * \"} and {@code \\}; returns the index after the closing quote.
   */
  static int readQuoted(String p, int i, StringBuilder out) {
    int n = p.length();
    for (int j = i + 1; j < n; j++) {
      char c = p.charAt(j);
      if (c == '\\' && j + 1 < n && (p.charAt(j + 1) == '"' || p.charAt(j + 1) == '\\')) {
        out.append(p.charAt(++j));
      } else if (c == '"') {
        return j + 1;
      } else {
        out.append(c);
      }
    }
    throw InvalidFilterPatternException.invalid("unterminated quoted string");
  }
}
