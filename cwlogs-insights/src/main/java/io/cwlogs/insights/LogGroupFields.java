package io.cwlogs.insights;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The tally behind GetLogGroupFields: fed a sample of a group's events, it lists each field and the
 * percentage of sampled events that have it.
 */
public final class LogGroupFields {
  private final Map<String, Long> counts = new LinkedHashMap<>();
  private long events;

  /**
   * One field of a log group.
   *
   * @param name the field name
   * @param percent the whole percentage (0 to 100, rounded) of sampled events that have it
   */
  public record Field(String name, int percent) {}

  /** Counts one event's fields. */
  public void add(QueryEvent event) {
    events++;
    for (String f : InsightsQuery.fieldsOf(event)) {
      counts.merge(f, 1L, Long::sum);
    }
  }

  /** The fields seen so far, in order of first appearance. */
  public List<Field> fields() {
    List<Field> out = new ArrayList<>(counts.size());
    counts.forEach((name, n) -> out.add(new Field(name, (int) Math.round(100.0 * n / events))));
    return out;
  }
}
