package io.cwlogs.client;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Splits events into batches the service accepts.
 *
 * <p>Events are stably sorted by timestamp (events logged in the same millisecond keep their order),
 * then cut greedily: a batch closes when the next event would exceed the event count, the byte total
 * (message UTF-8 bytes plus 26 each) or the 24-hour span. The span rule is checked as {@code last -
 * first <= maxSpan}, the service's "cannot span more than 24 hours". Every event must already fit
 * alone (see {@link EventSizePolicy}).
 */
public final class Batcher {
  private final BatchRules rules;

  public Batcher(BatchRules rules) {
    this.rules = rules;
  }

  /** A batcher using the service's limits. */
  public static Batcher service() {
    return new Batcher(BatchRules.service());
  }

  /** Returns a stably sorted copy of {@code events}, ordered by timestamp. */
  public static List<LogEvent> sorted(List<LogEvent> events) {
    List<LogEvent> copy = new ArrayList<>(events);
    copy.sort(Comparator.comparingLong(LogEvent::timestamp)); // List.sort is stable
    return copy;
  }

  /** Sorts and splits {@code events} into batches, in timestamp order. */
  public List<List<LogEvent>> split(List<LogEvent> events) {
    List<List<LogEvent>> batches = new ArrayList<>();
    List<LogEvent> current = new ArrayList<>();
    long bytes = 0;
    long spanMillis = rules.maxSpan().toMillis();
    for (LogEvent e : sorted(events)) {
      int size = e.batchBytes();
      if (size > rules.maxBytes()) {
        throw new IllegalArgumentException(
            "event of " + size + " bytes exceeds the batch limit of " + rules.maxBytes());
      }
      if (!current.isEmpty()
          && (current.size() == rules.maxEvents()
              || bytes + size > rules.maxBytes()
              || e.timestamp() - current.get(0).timestamp() > spanMillis)) {
        batches.add(List.copyOf(current));
        current.clear();
        bytes = 0;
      }
      current.add(e);
      bytes += size;
    }
    if (!current.isEmpty()) {
      batches.add(List.copyOf(current));
    }
    return batches;
  }
}
