package io.cwlogs.insights.tofix;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cwlogs.insights.InsightsQuery;
import io.cwlogs.insights.QueryEvent;
import io.cwlogs.insights.QueryExecution;
import io.cwlogs.insights.ResultField;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Behaviour AWS has and cwlogs does not match yet. Each test states the AWS behaviour and is
 * expected to fail; when one starts passing, the marker fails the build: move it to the real
 * suites.
 */
class KnownGapsTest {

  private interface Check {
    void run() throws Exception;
  }

  private static void knownGap(Check check) {
    assertThatThrownBy(check::run)
        .as("this known gap now passes: move the test out of tofix/")
        .isInstanceOfAny(AssertionError.class, RuntimeException.class);
  }

  private static List<List<ResultField>> run(String query, QueryEvent... newestFirst) {
    QueryExecution x = InsightsQuery.parse(query).newExecution();
    for (QueryEvent e : newestFirst) {
      x.accept(e);
    }
    return x.results();
  }

  private static QueryEvent event(long ts, String message) {
    return new QueryEvent(
        ts, ts, "g", "111111111111", "s", message.getBytes(StandardCharsets.UTF_8), "p" + ts);
  }

  /** LIMIT-2026: {@code limit any N} stops scanning early and returns rows in no set order. */
  @Test
  void limitAny() {
    knownGap(() -> InsightsQuery.parse("limit any 5"));
  }

  /** FUNCS structure types: {@code jsonParse} turns a JSON string into a map. */
  @Test
  void jsonParse() {
    knownGap(() -> InsightsQuery.parse("fields jsonParse(@message) as j"));
  }

  /** DISCOVER: Lambda log lines yield {@code @requestId} and friends. */
  @Test
  void lambdaFields() {
    knownGap(
        () -> {
          List<List<ResultField>> rows =
              run("fields @requestId", event(1, "START RequestId: abc-1 Version: $LATEST"));
          assertThat(rows.get(0)).contains(new ResultField("@requestId", "abc-1"));
        });
  }
}
