package io.cwlogs.core;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A query string's leading {@code SOURCE logGroups(namePrefix: [...], class: [...],
 * accountIdentifiers: [...])} command, which names the log groups in the query instead of in
 * StartQuery's parameters.
 *
 * <p>The language module does not know {@code SOURCE}; the service takes it off the front and hands
 * the module the rest with the SOURCE text (and the {@code |} after it) blanked out, so every
 * character offset and line number in a compile error still points into the string the user sent.
 *
 * @param namePrefixes group name prefixes (1 to {@link Limits#MAX_SOURCE_NAME_PREFIXES})
 * @param classes log group classes, upper case; {@code STANDARD} when not given
 * @param accounts account ids; empty means the caller's own
 * @param rest the query with the SOURCE command blanked out
 */
public record QuerySource(
    List<String> namePrefixes, List<String> classes, List<String> accounts, String rest) {

  /** The SOURCE command at the start of {@code query}, if it has one. */
  public static Optional<QuerySource> parse(String query) {
    Reader r = new Reader(query);
    r.skipSpaceAndComments();
    if (!r.word().equalsIgnoreCase("SOURCE")) {
      return Optional.empty();
    }
    int commandStart = r.lastStart;
    r.skipSpaceAndComments();
    int at = r.i;
    if (!r.word().equals("logGroups")) {
      throw r.error(at, "SOURCE expects logGroups(namePrefix: [...])");
    }
    r.expect('(');
    List<String> prefixes = List.of();
    List<String> classes = List.of("STANDARD");
    List<String> accounts = List.of();
    while (true) {
      r.skipSpaceAndComments();
      if (r.peek() == ')') {
        r.i++;
        break;
      }
      int keyAt = r.i;
      String key = r.word();
      r.expect(':');
      List<String> values = r.list();
      switch (key) {
        case "namePrefix" -> prefixes = values;
        case "class" -> classes = values.stream().map(v -> v.toUpperCase(Locale.ROOT)).toList();
        case "accountIdentifiers" -> accounts = values;
        default -> throw r.error(keyAt, "unknown logGroups parameter " + key);
      }
      r.skipSpaceAndComments();
      if (r.peek() == ',') {
        r.i++;
      }
    }
    if (prefixes.isEmpty()) {
      throw r.error(commandStart, "SOURCE logGroups needs at least one namePrefix");
    }
    if (prefixes.size() > Limits.MAX_SOURCE_NAME_PREFIXES) {
      throw r.error(commandStart, "SOURCE logGroups takes at most "
          + Limits.MAX_SOURCE_NAME_PREFIXES + " name prefixes");
    }
    r.skipSpaceAndComments();
    int end = r.i;
    if (r.peek() == '|') {
      end++;
    } else if (r.i < query.length()) {
      throw r.error(r.i, "expected | after the SOURCE command");
    }
    StringBuilder rest = new StringBuilder(query);
    for (int k = commandStart; k < end; k++) {
      if (rest.charAt(k) != '\n') {
        rest.setCharAt(k, ' ');
      }
    }
    return Optional.of(new QuerySource(prefixes, classes, accounts, rest.toString()));
  }

  /** A cursor over the query text. */
  private static final class Reader {
    final String q;
    int i;
    int lastStart;

    Reader(String q) {
      this.q = q;
    }

    char peek() {
      return i < q.length() ? q.charAt(i) : '\0';
    }

    void skipSpaceAndComments() {
      while (i < q.length()) {
        char c = q.charAt(i);
        if (Character.isWhitespace(c)) {
          i++;
        } else if (c == '#') {
          while (i < q.length() && q.charAt(i) != '\n') {
            i++;
          }
        } else {
          return;
        }
      }
    }

    String word() {
      skipSpaceAndComments();
      lastStart = i;
      while (i < q.length() && (Character.isLetterOrDigit(q.charAt(i)) || q.charAt(i) == '_')) {
        i++;
      }
      return q.substring(lastStart, i);
    }

    void expect(char c) {
      skipSpaceAndComments();
      if (peek() != c) {
        throw error(i, "expected " + c);
      }
      i++;
    }

    List<String> list() {
      expect('[');
      List<String> values = new ArrayList<>();
      while (true) {
        skipSpaceAndComments();
        char c = peek();
        if (c == ']') {
          i++;
          return values;
        }
        if (c != '"' && c != '\'') {
          throw error(i, "expected a quoted string");
        }
        int start = i++;
        while (i < q.length() && q.charAt(i) != c) {
          i++;
        }
        if (i >= q.length()) {
          throw error(start, "unterminated string");
        }
        values.add(q.substring(start + 1, i++));
        skipSpaceAndComments();
        if (peek() == ',') {
          i++;
        }
      }
    }

    MalformedQueryException error(int at, String what) {
      int s = Math.min(at, q.length());
      int line = 1;
      int lineStart = 0;
      for (int k = 0; k < s; k++) {
        if (q.charAt(k) == '\n') {
          line++;
          lineStart = k + 1;
        }
      }
      String message = what + " at line " + line + " and position " + (s - lineStart + 1);
      return new MalformedQueryException(new MalformedQueryException.CompileError(message, s, s));
    }
  }
}
