package io.cwlogs.insights;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.StringLength;

/**
 * Property tests, bounded by try counts so the whole module runs in well under a minute: the parser
 * only ever fails with {@link MalformedQueryException}, a query that parses runs without error, and
 * the natural order and JSON reader behave on any input.
 */
class ParserFuzzTest {

  private static final List<String> VOCABULARY =
      List.of(
          "fields",
          "display",
          "filter",
          "where",
          "stats",
          "sort",
          "limit",
          "parse",
          "dedup",
          "unmask",
          "by",
          "as",
          "and",
          "or",
          "not",
          "like",
          "in",
          "asc",
          "desc",
          "|",
          "|",
          ",",
          "(",
          ")",
          "[",
          "]",
          "=",
          "!=",
          "<",
          "<=",
          ">",
          ">=",
          "=~",
          "+",
          "-",
          "*",
          "/",
          "%",
          "^",
          "@message",
          "@timestamp",
          "@logStream",
          "@log",
          "@ptr",
          "service",
          "latency",
          "user.id",
          "`x-request-id`",
          "\"a*b\"",
          "\"ERROR\"",
          "'x'",
          "/ERROR/",
          "/(?<n>\\d+)/",
          "/[/",
          "1",
          "0",
          "2.5",
          "5m",
          "1h",
          "3mo",
          "count(*)",
          "count()",
          "avg(latency)",
          "pct(latency, 90)",
          "bin(5m)",
          "strlen(",
          "isempty(",
          "concat(",
          "datefloor(@timestamp, 1d)",
          "ispresent(",
          "#",
          "\n",
          "sum(",
          "abs(",
          "trim(",
          "substr(",
          "coalesce(",
          "isIpInSubnet(",
          "\"10.0.0.0/8\"");

  @Provide
  Arbitrary<String> tokenSoup() {
    return Arbitraries.of(VOCABULARY).list().ofMaxSize(14).map(l -> String.join(" ", l));
  }

  @Provide
  Arbitrary<String> plausibleQueries() {
    Arbitrary<String> head =
        Arbitraries.of(
            "fields service, latency",
            "filter latency > 100",
            "filter @message like /ERROR/",
            "parse @message \"user=*,\" as u",
            "stats count(*) by service",
            "stats avg(latency) as a by bin(5m)",
            "sort latency desc",
            "filter ispresent(u)");
    Arbitrary<String> tail =
        Arbitraries.of(
            "limit 3",
            "sort service",
            "fields concat(service, 'x') as c",
            "filter not ispresent(c)",
            "stats count(*) as k",
            "display service",
            "dedup service",
            "filter status in [200, 500]");
    return Arbitraries.oneOf(head, tail)
        .list()
        .ofMinSize(1)
        .ofMaxSize(5)
        .map(l -> String.join(" | ", l));
  }

  @Property(tries = 1500)
  void anyTextEitherParsesOrIsMalformed(@ForAll @StringLength(max = 80) String text) {
    parseAndRun(text);
  }

  @Property(tries = 1500)
  void tokenSoupEitherParsesOrIsMalformed(@ForAll("tokenSoup") String text) {
    parseAndRun(text);
  }

  @Property(tries = 300)
  void plausibleQueriesRunToResults(@ForAll("plausibleQueries") String text) {
    parseAndRun(text);
  }

  private static void parseAndRun(String text) {
    InsightsQuery q;
    try {
      q = InsightsQuery.parse(text);
    } catch (MalformedQueryException e) {
      assertThat(e.startCharOffset()).isBetween(0, text.length());
      assertThat(e.endCharOffset()).isBetween(e.startCharOffset(), Math.max(0, text.length()));
      return;
    }
    QueryExecution x = q.newExecution(new ExecutionOptions(5));
    for (QueryEvent e : Dataset.newestFirst(Dataset.EVENTS)) {
      x.accept(e);
    }
    assertThat(x.results().size()).isLessThanOrEqualTo(5);
    q.fieldsReferenced();
  }

  @Provide
  Arbitrary<String> sortable() {
    return Arbitraries.strings().withChars("0129aAz_@#.-").ofMaxLength(6);
  }

  @Property(tries = 1000)
  void naturalOrderIsAntisymmetricAndTransitive(
      @ForAll("sortable") String a, @ForAll("sortable") String b, @ForAll("sortable") String c) {
    NaturalOrder o = NaturalOrder.INSTANCE;
    assertThat(Integer.signum(o.compare(a, b))).isEqualTo(-Integer.signum(o.compare(b, a)));
    if (o.compare(a, b) <= 0 && o.compare(b, c) <= 0) {
      assertThat(o.compare(a, c)).isLessThanOrEqualTo(0);
    }
  }

  @Property(tries = 1000)
  void jsonReaderNeverThrows(@ForAll @StringLength(max = 60) String tail) {
    Map<String, Object> fields = JsonFields.flatten("{" + tail);
    assertThat(fields.size()).isLessThanOrEqualTo(Limits.MAX_JSON_FIELDS);
    QueryEvent e =
        new QueryEvent(1, 1, "g", "a", "s", ("{" + tail).getBytes(StandardCharsets.UTF_8), "");
    assertThat(InsightsQuery.fieldsOf(e)).contains("@message");
  }
}
