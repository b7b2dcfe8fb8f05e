package io.cwlogs.insights;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The state of one {@code dedup} command: the first row of each distinct key in arrival order, up
 * to {@code capacity} rows (only {@code limit} may follow dedup, so more could never be shown).
 */
final class DedupBuffer {
  private final DedupCommand dedup;
  private final int capacity;
  private final Set<List<String>> seen = new HashSet<>();
  private final List<Row> kept = new ArrayList<>();

  DedupBuffer(DedupCommand dedup, int capacity) {
    this.dedup = dedup;
    this.capacity = capacity;
  }

  void add(Row row) {
    if (full()) {
      return;
    }
    String[] key = new String[dedup.fields().size()];
    boolean anyNull = false;
    for (int i = 0; i < key.length; i++) {
      key[i] = Values.render(Evaluator.eval(dedup.fields().get(i), row));
      anyNull |= key[i] == null;
    }
    if (anyNull || seen.add(Arrays.asList(key))) {
      kept.add(row);
    }
  }

  boolean full() {
    return kept.size() >= capacity;
  }

  List<Row> kept() {
    return new ArrayList<>(kept);
  }
}
