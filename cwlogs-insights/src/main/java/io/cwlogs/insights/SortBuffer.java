package io.cwlogs.insights;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;

/**
 * The state of one {@code sort} command: the best {@code capacity} rows so far by its keys, kept in
 * a heap whose head is the worst row, so memory is bounded by the capacity. Ties keep arrival
 * order.
 */
final class SortBuffer {
  private record Entry(Object[] keys, long seq, Row row) {}

  private final SortCommand sort;
  private final int capacity;
  private final Comparator<Entry> order;
  private final PriorityQueue<Entry> heap;
  private long seq;

  SortBuffer(SortCommand sort, int capacity) {
    this.sort = sort;
    this.capacity = capacity;
    this.order = this::compare;
    this.heap = new PriorityQueue<>(16, order.reversed());
  }

  void add(Row row) {
    List<SortCommand.Key> keys = sort.keys();
    Object[] values = new Object[keys.size()];
    for (int i = 0; i < values.length; i++) {
      values[i] = Evaluator.eval(keys.get(i).expr(), row);
    }
    Entry e = new Entry(values, seq++, row);
    if (heap.size() < capacity) {
      heap.add(e);
    } else if (compare(e, heap.peek()) < 0) {
      heap.poll();
      heap.add(e);
    }
  }

  /**
   * Whether no row with a first key strictly below {@code firstKey}'s rank can enter any more: the
   * buffer is full and its worst row's first key sorts before {@code firstKey}. With a newest-first
   * scan and {@code sort @timestamp desc}, later events can then never be kept.
   */
  boolean closedTo(Object firstKey) {
    if (heap.size() < capacity || firstKey == null) {
      return false;
    }
    Object worst = heap.peek().keys()[0];
    if (worst == null) {
      return false;
    }
    int c = NaturalOrder.INSTANCE.compare(worst, firstKey);
    return sort.keys().get(0).descending() ? c > 0 : c < 0;
  }

  /** The kept rows in order; the state is left unchanged. */
  List<Row> sorted() {
    List<Entry> entries = new ArrayList<>(heap);
    entries.sort(order);
    List<Row> rows = new ArrayList<>(entries.size());
    for (Entry e : entries) {
      rows.add(e.row());
    }
    return rows;
  }

  private int compare(Entry a, Entry b) {
    List<SortCommand.Key> keys = sort.keys();
    for (int i = 0; i < keys.size(); i++) {
      Object x = a.keys()[i];
      Object y = b.keys()[i];
      if (x == null || y == null) {
        if (x == y) {
          continue;
        }
        return x == null ? 1 : -1; // missing values last, in either direction
      }
      int c = NaturalOrder.INSTANCE.compare(x, y);
      if (c != 0) {
        return keys.get(i).descending() ? -c : c;
      }
    }
    return Long.compare(a.seq(), b.seq());
  }
}
