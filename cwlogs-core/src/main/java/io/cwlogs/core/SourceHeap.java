package io.cwlogs.core;

/**
 * A binary min-heap of merge sources by key (timestamp, sequence, stream id), ascending or descending,
 * re-sifted in place when the top's key moves on, so that merging allocates nothing per event.
 *
 * <p>At equal keys a bound sorts before a ready event: the merge then asks that source for more before it
 * hands out an event it cannot yet prove comes first.
 */
final class SourceHeap {

  private final MergeSource[] heap;
  private final int sign;
  private int size;

  SourceHeap(int capacity, boolean descending) {
    this.heap = new MergeSource[Math.max(1, capacity)];
    this.sign = descending ? -1 : 1;
  }

  int size() {
    return size;
  }

  MergeSource top() {
    return heap[0];
  }

  void add(MergeSource source) {
    heap[size] = source;
    siftUp(size++);
  }

  /** Restores order after the top's key moved on (it never moves backwards). */
  void topChanged() {
    siftDown(0);
  }

  /** Removes the top and returns it. */
  MergeSource removeTop() {
    MergeSource top = heap[0];
    heap[0] = heap[--size];
    heap[size] = null;
    if (size > 0) {
      siftDown(0);
    }
    return top;
  }

  /** Every source still in the heap, for closing. */
  MergeSource get(int i) {
    return heap[i];
  }

  private boolean before(MergeSource a, MergeSource b) {
    int c = Long.compare(a.timestamp, b.timestamp);
    if (c == 0) {
      c = Long.compare(a.sequence, b.sequence);
    }
    if (c == 0) {
      c = Long.compare(a.stream.id(), b.stream.id());
    }
    if (c != 0) {
      return sign * c < 0;
    }
    return !a.ready && b.ready;
  }

  private void siftUp(int i) {
    MergeSource moving = heap[i];
    while (i > 0) {
      int parent = (i - 1) >>> 1;
      if (!before(moving, heap[parent])) {
        break;
      }
      heap[i] = heap[parent];
      i = parent;
    }
    heap[i] = moving;
  }

  private void siftDown(int i) {
    MergeSource moving = heap[i];
    int half = size >>> 1;
    while (i < half) {
      int child = 2 * i + 1;
      int right = child + 1;
      if (right < size && before(heap[right], heap[child])) {
        child = right;
      }
      if (!before(heap[child], moving)) {
        break;
      }
      heap[i] = heap[child];
      i = child;
    }
    heap[i] = moving;
  }
}
