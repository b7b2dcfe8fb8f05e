package io.cwlogs.insights;

/**
 * The running state of one aggregation for one group: fed rows one at a time, read at any time.
 *
 * <p>{@link #result()} does not disturb the state, so partial results can be taken mid-scan. Every
 * implementation holds memory bounded independently of the number of rows fed.
 */
interface Accumulator {
  void add(Row row);

  /** The aggregate so far, or null when it has no value (for example the sum of nothing). */
  Object result();
}
