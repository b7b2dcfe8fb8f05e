package io.cwlogs.insights;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Table of queries that must not compile: the message fragment and the {@code QueryCompileError}
 * location (start and inclusive end offsets) expected for each.
 */
class MalformedQueryTest {

  private static Arguments bad(String query, String message, int start, int end) {
    return Arguments.of(query, message, start, end);
  }

  static Stream<Arguments> cases() {
    return Stream.of(
        bad("fields", "unexpected end of query", 6, 6),
        bad("filter a = ", "unexpected end of query", 11, 11),
        bad("stats count(*) by", "unexpected end of query", 17, 17),
        bad("foo bar", "unknown command foo", 0, 2),
        bad("filter x like 3", "after like", 14, 14),
        bad("parse @message \"a * b *\" as x", "2 wildcards but 1 field names", 15, 23),
        bad("parse @message /(\\d+)/", "named groups", 15, 21),
        bad("filter @message like /[/", "invalid regular expression", 21, 23),
        bad("stats count(*) by bin(5parsecs)", "unknown time period 5parsecs", 22, 29),
        bad("fields sum(x)", "only allowed in stats", 7, 9),
        bad("stats x by y", "every stats item must use an aggregation", 6, 6),
        bad("stats sum(count(x))", "only allowed in stats", 10, 14),
        bad("sort count(*)", "only allowed in stats", 5, 9),
        bad("stats count(*) | sort count(*", "unexpected end of query", 29, 29),
        bad("dedup a | sort a", "only limit may follow dedup", 10, 13),
        bad("pattern @message", "pattern command is not supported", 0, 6),
        bad("diff", "diff command is not supported", 0, 3),
        bad("filter \"unterminated", "unterminated string", 7, 19),
        bad("filter `open", "unterminated field name", 7, 11),
        bad("limit 0", "at least 1", 6, 6),
        bad("limit 2.5", "whole number", 6, 8),
        bad("fields a | | fields b", "expected a command", 11, 11),
        bad("fields nosuchfn(a)", "unknown function nosuchfn", 7, 14),
        bad("fields strlen(a, b)", "strlen takes 1 arguments, not 2", 7, 12),
        bad("fields a\n| filter ~", "line 2 and position 10", 18, 18),
        bad("fields a b", "expected | or end of query", 9, 9),
        bad("fields 5m", "only valid in bin", 7, 8),
        bad("stats pct(x, 150)", "from 0 to 100", 13, 15),
        bad("filter a in (1, 2)", "[ after in", 12, 12),
        bad("sort", "unexpected end of query", 4, 4),
        bad("filter a ! b", "unexpected symbol found !", 9, 9));
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @MethodSource("cases")
  void rejects(String query, String message, int start, int end) {
    MalformedQueryException e =
        catchThrowableOfType(MalformedQueryException.class, () -> InsightsQuery.parse(query));
    assertThat(e).as(query).isNotNull();
    assertThat(e.detail()).contains(message);
    assertThat(e.startCharOffset()).as("start of " + e.detail()).isEqualTo(start);
    assertThat(e.endCharOffset()).as("end of " + e.detail()).isEqualTo(end);
  }

  @Test
  void lineIsOneBasedAndCounted() {
    MalformedQueryException e =
        catchThrowableOfType(
            MalformedQueryException.class, () -> InsightsQuery.parse("# c\nfields a\n| bogus"));
    assertThat(e.line()).isEqualTo(3);
    assertThat(e.detail()).isEqualTo("unknown command bogus at line 3 and position 3");
  }

  @Test
  void deepNestingIsAnErrorNotAStackOverflow() {
    String deep = "filter " + "(".repeat(5_000) + "a" + ")".repeat(5_000);
    assertThat(
            catchThrowableOfType(MalformedQueryException.class, () -> InsightsQuery.parse(deep))
                .detail())
        .contains("nested more than");
    String minus = "fields " + "-".repeat(5_000) + "1";
    assertThat(
            catchThrowableOfType(MalformedQueryException.class, () -> InsightsQuery.parse(minus)))
        .isNotNull();
    String nots = "filter " + "not ".repeat(5_000) + "a";
    assertThat(catchThrowableOfType(MalformedQueryException.class, () -> InsightsQuery.parse(nots)))
        .isNotNull();
    String pow = "fields " + "2 ^ ".repeat(5_000) + "1";
    assertThat(catchThrowableOfType(MalformedQueryException.class, () -> InsightsQuery.parse(pow)))
        .isNotNull();
  }

  @Test
  void emptyAndCommentOnlyQueriesAreValid() {
    assertThat(InsightsQuery.parse("").resultFields()).containsExactly("@timestamp", "@message");
    assertThat(InsightsQuery.parse("  # nothing here\n").resultFields())
        .containsExactly("@timestamp", "@message");
  }
}
