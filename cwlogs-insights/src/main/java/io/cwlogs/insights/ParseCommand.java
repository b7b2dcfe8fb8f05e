package io.cwlogs.insights;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code parse f "glob * with *" as a, b} or {@code parse f /(?<a>re)/}: extracts fields from a
 * field's text (by default {@code @message}).
 *
 * <p>Both forms compile to a Java regex searched (not anchored) in the text; each capture group
 * {@code i} sets field {@code fields[i]}. A row that does not match keeps going without the new
 * fields (PARSE). Glob stars are lazy except a trailing star, which takes the rest of the text.
 *
 * @param source the parsed expression
 * @param pattern the compiled pattern, capture groups renamed {@code g1..gn}
 * @param fields the field each group sets, in group order
 */
record ParseCommand(Expr source, Pattern pattern, List<String> fields) implements Command {

  /** Sets the extracted fields on {@code row} if the source is present and matches. */
  void apply(Row row) {
    String s = Values.text(Evaluator.eval(source, row));
    if (s == null) {
      return;
    }
    Matcher m = pattern.matcher(s);
    boolean found;
    try {
      found = m.find();
    } catch (StackOverflowError tooDeep) {
      found = false;
    }
    if (!found) {
      return;
    }
    for (int i = 0; i < fields.size(); i++) {
      String v = m.group("g" + (i + 1));
      if (v != null) {
        row.put(fields.get(i), v);
      }
    }
  }
}
