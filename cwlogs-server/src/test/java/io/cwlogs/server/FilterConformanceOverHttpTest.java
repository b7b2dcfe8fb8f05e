package io.cwlogs.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cloudwatchlogs.model.FilteredLogEvent;
import software.amazon.awssdk.services.cloudwatchlogs.model.InputLogEvent;
import software.amazon.awssdk.services.cloudwatchlogs.model.MetricFilterMatchRecord;
import software.amazon.awssdk.services.cloudwatchlogs.model.TestMetricFilterResponse;

/**
 * Every row of cwlogs-filter's conformance table (AWS's documented examples), through the running server
 * with the AWS SDK: TestMetricFilter must match and extract as the row says, and FilterLogEvents over a
 * stream holding every row's message must return the row's message exactly when the row says "match".
 */
class FilterConformanceOverHttpTest extends ServerTestBase {

  record Row(int line, String pattern, String message, boolean match, Map<String, String> extracted) {}

  static List<Row> rows;

  @BeforeAll
  static void loadData() throws Exception {
    rows = readTable(Path.of("../cwlogs-filter/src/test/resources/io/cwlogs/filter/conformance.tsv"));
  }

  static List<Row> readTable(Path file) throws Exception {
    List<Row> out = new ArrayList<>();
    List<String> lines = Files.readAllLines(file);
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      if (line.startsWith("#") || line.isEmpty()) {
        continue;
      }
      String[] cols = line.split("\t", -1);
      Map<String, String> extracted = new LinkedHashMap<>();
      for (int c = 3; c < cols.length; c++) {
        int eq = cols[c].indexOf('=');
        if (eq > 0) {
          extracted.put(cols[c].substring(0, eq), cols[c].substring(eq + 1));
        }
      }
      out.add(new Row(i + 1, cols[0], cols[1].replace("⏎", "\n"), cols[2].equals("match"), extracted));
    }
    return out;
  }

  @Test
  void tableHasTheDocumentedExamples() {
    assertThat(rows).hasSizeGreaterThan(100);
  }

  @Test
  void testMetricFilterAgreesWithEveryRow() {
    SoftAssertions soft = new SoftAssertions();
    for (Row row : rows) {
      if (row.message().isEmpty()) {
        continue; // TestMetricFilter requires messages of at least one character
      }
      TestMetricFilterResponse response =
          logs.testMetricFilter(r -> r.filterPattern(row.pattern()).logEventMessages(row.message()));
      soft.assertThat(response.matches().size())
          .as("line %d: %s on %s", row.line(), row.pattern(), row.message())
          .isEqualTo(row.match() ? 1 : 0);
      if (row.match() && !response.matches().isEmpty()) {
        MetricFilterMatchRecord m = response.matches().get(0);
        soft.assertThat(m.eventNumber()).isEqualTo(1L);
        soft.assertThat(m.eventMessage()).isEqualTo(row.message());
        if (!row.extracted().isEmpty()) {
          soft.assertThat(m.extractedValues()).as("line %d extracted", row.line()).isEqualTo(row.extracted());
        }
      }
    }
    soft.assertAll();
  }

  @Test
  void filterLogEventsAgreesWithEveryRow() {
    String group = "/filter-conformance/" + System.nanoTime();
    logs.createLogGroup(r -> r.logGroupName(group));
    logs.createLogStream(r -> r.logGroupName(group).logStreamName("all"));
    Set<String> messages = new LinkedHashSet<>();
    rows.stream().map(Row::message).filter(m -> !m.isEmpty()).forEach(messages::add);
    long now = System.currentTimeMillis();
    List<InputLogEvent> events = new ArrayList<>();
    for (String m : messages) {
      events.add(InputLogEvent.builder().timestamp(now).message(m).build());
    }
    logs.putLogEvents(r -> r.logGroupName(group).logStreamName("all").logEvents(events));

    Map<String, Set<String>> matchedByPattern = new LinkedHashMap<>();
    SoftAssertions soft = new SoftAssertions();
    for (Row row : rows) {
      if (row.message().isEmpty()) {
        continue;
      }
      Set<String> matched = matchedByPattern.computeIfAbsent(row.pattern(), p -> {
        Set<String> found = new HashSet<>();
        logs.filterLogEventsPaginator(r -> r.logGroupName(group).filterPattern(p)).events()
            .forEach((FilteredLogEvent e) -> found.add(e.message()));
        return found;
      });
      soft.assertThat(matched.contains(row.message()))
          .as("line %d: %s on %s", row.line(), row.pattern(), row.message())
          .isEqualTo(row.match());
    }
    soft.assertAll();
  }
}
