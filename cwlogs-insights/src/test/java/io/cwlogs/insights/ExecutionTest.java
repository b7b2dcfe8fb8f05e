package io.cwlogs.insights;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The execution API the service drives: scan order, early stop, partial results, counters. */
class ExecutionTest {

  private static QueryEvent json(int n, long ts, String body) {
    return new QueryEvent(
        ts, ts, "g", "111111111111", "s", body.getBytes(StandardCharsets.UTF_8), "p" + n);
  }

  @Test
  void naturalSortMatchesTheDocumentedExample() {
    List<String> documented =
        List.of(
            "!:",
            "#",
            "*%04",
            "0#",
            "5A",
            "111A",
            "2345_",
            "@",
            "@_",
            "A",
            "A9876fghj",
            "a12345hfh",
            "0",
            "01",
            "1",
            "2",
            "3");
    List<String> shuffled = new ArrayList<>(documented);
    Collections.shuffle(shuffled, new Random(7));
    List<QueryEvent> events = new ArrayList<>();
    for (int i = 0; i < shuffled.size(); i++) {
      events.add(json(i, 1000 + i, "{\"v\":\"" + shuffled.get(i).replace("\\", "\\\\") + "\"}"));
    }
    List<String> asc = Dataset.render(Dataset.run("sort v asc | fields v", events).results());
    assertThat(asc).containsExactlyElementsOf(documented.stream().map(v -> "v=" + v).toList());
    List<String> desc = Dataset.render(Dataset.run("sort v desc | fields v", events).results());
    assertThat(desc).containsExactlyElementsOf(asc.reversed());
  }

  @Test
  void rowsCarryPtrUnlessAggregated() {
    List<List<ResultField>> rows =
        Dataset.run("fields service | limit 1", Dataset.EVENTS).results();
    assertThat(rows)
        .containsExactly(
            List.of(new ResultField("service", "billing"), new ResultField("@ptr", "ptr-8")));
    List<List<ResultField>> stats = Dataset.run("stats count(*)", Dataset.EVENTS).results();
    assertThat(stats).containsExactly(List.of(new ResultField("count(*)", "8")));
  }

  @Test
  void limitWithoutSortStopsTheScanEarly() {
    QueryExecution x = InsightsQuery.parse("filter @message like /ERROR/ | limit 2").newExecution();
    int fed = 0;
    for (QueryEvent e : Dataset.newestFirst(Dataset.EVENTS)) {
      assertThat(x.wantsMore()).isTrue();
      x.accept(e);
      fed++;
      if (!x.wantsMore()) {
        break;
      }
    }
    assertThat(fed).isEqualTo(4); // events 8, 7, 6, 5: the second ERROR is the 4th newest
    assertThat(x.results()).hasSize(2);
    assertThat(x.recordsScanned()).isEqualTo(4);
    assertThat(x.recordsMatched()).isEqualTo(2);
  }

  @Test
  void startQueryLimitCapsRowsAndStopsPlainScans() {
    QueryExecution x = InsightsQuery.parse("fields @message").newExecution(new ExecutionOptions(3));
    for (QueryEvent e : Dataset.newestFirst(Dataset.EVENTS)) {
      x.accept(e);
    }
    assertThat(x.results()).hasSize(3);
    assertThat(x.wantsMore()).isFalse();
    assertThat(x.recordsScanned()).isEqualTo(8);
    QueryExecution sorted =
        InsightsQuery.parse("sort latency desc").newExecution(new ExecutionOptions(2));
    Dataset.newestFirst(Dataset.EVENTS).forEach(sorted::accept);
    assertThat(sorted.wantsMore()).isTrue();
    assertThat(Dataset.render(sorted.results())).hasSize(2);
  }

  @Test
  void statsAndSortNeverStopEarlyAndGivePartialResults() {
    QueryExecution x = InsightsQuery.parse("stats count(*) as n").newExecution();
    List<QueryEvent> events = Dataset.newestFirst(Dataset.EVENTS);
    x.accept(events.get(0));
    assertThat(Dataset.render(x.results())).containsExactly("n=1");
    for (QueryEvent e : events.subList(1, events.size())) {
      x.accept(e);
      assertThat(x.wantsMore()).isTrue();
    }
    assertThat(Dataset.render(x.results())).containsExactly("n=8");
    assertThat(Dataset.render(x.results())).containsExactly("n=8"); // results() is repeatable
  }

  @Test
  void countersCountBytesOfMessages() {
    QueryExecution x = Dataset.run("filter status = 200", Dataset.EVENTS);
    long bytes = Dataset.EVENTS.stream().mapToLong(e -> e.message().length).sum();
    assertThat(x.bytesScanned()).isEqualTo(bytes);
    assertThat(x.recordsMatched()).isEqualTo(2);
    assertThat(x.recordsScanned()).isEqualTo(8);
  }

  @Test
  void statsSortAndDedupGiveTheSameAnswerInAnyScanOrder() {
    String q = "stats count(*) as n, earliest(msg) as e by service | sort service";
    List<QueryEvent> reversed = new ArrayList<>(Dataset.newestFirst(Dataset.EVENTS)).reversed();
    QueryExecution a = InsightsQuery.parse(q).newExecution();
    reversed.forEach(a::accept);
    assertThat(Dataset.render(a.results())).isEqualTo(Dataset.rows(q));
  }

  @Test
  void percentileAndDistinctStayAccurateBeyondTheExactThreshold() {
    QueryExecution x =
        InsightsQuery.parse(
                "stats pct(v, 50) as p50, pct(v, 99) as p99, count_distinct(v) as d, count(*) as n")
            .newExecution();
    int n = 50_000;
    for (int i = n; i >= 1; i--) {
      x.accept(json(i, i, "{\"v\":" + i + "}"));
    }
    List<ResultField> row = x.results().get(0);
    assertThat(Double.parseDouble(row.get(0).value())).isCloseTo(25_000, within(250.0));
    assertThat(Double.parseDouble(row.get(1).value())).isCloseTo(49_500, within(495.0));
    assertThat(Double.parseDouble(row.get(2).value())).isCloseTo(n, within(n * 0.03));
    assertThat(row.get(3).value()).isEqualTo("50000");
  }

  @Test
  void fieldsReferencedListsWhatTheScanMustProvide() {
    InsightsQuery q =
        InsightsQuery.parse(
            "filter @message like /x/ | parse msg \"a=*\" as a | stats count(*) by bin(5m), a");
    assertThat(q.fieldsReferenced()).containsExactly("@message", "msg", "@timestamp", "a");
    assertThat(q.isAggregation()).isTrue();
    assertThat(q.resultFields()).containsExactly("bin(5m)", "a", "count(*)");
    assertThat(InsightsQuery.parse("fields a").fieldsReferenced()).containsExactly("a");
  }

  @Test
  void fieldDiscoveryFlattensJsonAndCountsPercentages() {
    QueryEvent a = json(1, 1, "{\"a\":{\"b\":[1,{\"c\":true}]},\"@t\":\"x\",\"n\":null,\"e\":{}}");
    assertThat(InsightsQuery.fieldsOf(a))
        .containsExactly(
            "@timestamp",
            "@message",
            "@logStream",
            "@log",
            "@ingestionTime",
            "a.b.0",
            "a.b.1.c",
            "@@t");
    QueryEvent text = json(2, 2, "plain text {\"a\":1}");
    QueryEvent broken = json(3, 3, "{\"a\":1");
    assertThat(InsightsQuery.fieldsOf(text)).hasSize(5);
    assertThat(InsightsQuery.fieldsOf(broken)).hasSize(5);
    LogGroupFields tally = new LogGroupFields();
    tally.add(a);
    tally.add(text);
    tally.add(json(4, 4, "{\"a\":{\"b\":[2]}}"));
    assertThat(tally.fields())
        .contains(
            new LogGroupFields.Field("@message", 100),
            new LogGroupFields.Field("a.b.0", 67),
            new LogGroupFields.Field("a.b.1.c", 33));
  }

  @Test
  void jsonFieldsAreCappedAndKeepNumberText() {
    StringBuilder b = new StringBuilder("{");
    for (int i = 0; i < 1_500; i++) {
      b.append(i == 0 ? "" : ",").append("\"k").append(i).append("\":").append(i);
    }
    b.append(",\"big\":12345678901234567890,\"f\":1.50}");
    QueryEvent e = json(1, 1, b.toString());
    assertThat(InsightsQuery.fieldsOf(e)).hasSize(5 + Limits.MAX_JSON_FIELDS);
    QueryEvent small =
        json(2, 2, "{\"big\":12345678901234567890,\"f\":1.50,\"s\":\"a\\u00e9\\n\"}");
    assertThat(
            Dataset.render(Dataset.run("fields big, f, f * 2 as g, s", List.of(small)).results()))
        .containsExactly("big=12345678901234567890, f=1.50, g=3, s=a\u00e9\n");
  }

  @Test
  void sortKeepsOnlyTheRowsItCanShow() {
    QueryExecution x = InsightsQuery.parse("sort v desc | limit 5 | fields v").newExecution();
    for (int i = 0; i < 20_000; i++) {
      x.accept(json(i, i, "{\"v\":" + (i * 7919 % 20_000) + "}"));
    }
    assertThat(Dataset.render(x.results()))
        .containsExactly("v=19999", "v=19998", "v=19997", "v=19996", "v=19995");
  }

  @Test
  void defaultLimitIsTenThousand() {
    QueryExecution x = InsightsQuery.parse("fields v").newExecution();
    int fed = 0;
    while (x.wantsMore()) {
      x.accept(json(fed, fed, "{\"v\":1}"));
      fed++;
    }
    assertThat(fed).isEqualTo(Limits.DEFAULT_RESULT_LIMIT);
    assertThat(x.results()).hasSize(Limits.DEFAULT_RESULT_LIMIT);
  }

  @Test
  void systemFieldNamesWithSpecialCharactersTakeBackticksAfterTheAt() {
    InsightsQuery q = InsightsQuery.parse("fields @`aws.tag:stack-name`, `a b`, x.`y-z`");
    assertThat(q.resultFields()).containsExactly("@aws.tag:stack-name", "a b", "x.y-z");
    QueryEvent e = json(1, 1, "{\"a b\":1,\"x\":{\"y-z\":2}}");
    assertThat(Dataset.render(Dataset.run("fields `a b`, x.`y-z`", List.of(e)).results()))
        .containsExactly("a b=1, x.y-z=2");
  }

  @Test
  void dedupStopsTheScanOnceItHasEnoughRows() {
    QueryExecution x = InsightsQuery.parse("dedup v | limit 2").newExecution();
    x.accept(json(1, 3, "{\"v\":1}"));
    x.accept(json(2, 2, "{\"v\":1}"));
    assertThat(x.wantsMore()).isTrue();
    x.accept(json(3, 1, "{\"v\":2}"));
    assertThat(x.wantsMore()).isFalse();
    assertThat(x.results()).hasSize(2);
  }

  @Test
  void executionOptionsRejectOutOfRangeLimits() {
    org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
        .isThrownBy(() -> new ExecutionOptions(0));
    org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
        .isThrownBy(() -> new ExecutionOptions(10_001));
  }

  @Test
  void sortByTimestampDescendingStopsANewestFirstScan() {
    QueryExecution x =
        InsightsQuery.parse("fields @timestamp, @message | sort @timestamp desc | limit 3")
            .newExecution();
    int fed = 0;
    for (int ts = 100; ts > 0 && x.wantsMore(); ts--) {
      x.accept(json(ts, ts, "{}"));
      fed++;
    }
    assertThat(fed).isEqualTo(4); // three kept, the fourth is older than all of them
    assertThat(Dataset.render(x.results()))
        .containsExactly(
            "@timestamp=1970-01-01 00:00:00.100, @message={}",
            "@timestamp=1970-01-01 00:00:00.099, @message={}",
            "@timestamp=1970-01-01 00:00:00.098, @message={}");
    QueryExecution asc = InsightsQuery.parse("sort @timestamp asc | limit 3").newExecution();
    for (int ts = 100; ts > 0; ts--) {
      asc.accept(json(ts, ts, "{}"));
      assertThat(asc.wantsMore()).isTrue();
    }
    QueryExecution renamed =
        InsightsQuery.parse("fields toMillis(@timestamp) * -1 as @timestamp"
                + " | sort @timestamp desc | limit 1")
            .newExecution();
    for (int ts = 100; ts > 0; ts--) {
      renamed.accept(json(ts, ts, "{}"));
      assertThat(renamed.wantsMore()).isTrue();
    }
  }
}
