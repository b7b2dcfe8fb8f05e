package io.cwlogs.core;

/**
 * How {@link GroupScan} divides and paces its reading; {@link #DEFAULTS} in the service, tiny values in
 * tests so that every pause, bound, full read-ahead and slice boundary is exercised.
 *
 * @param budget stored events a source examines before it reports how far it got instead of a match:
 *     how far past a full page a merge may read in a stream without matches
 * @param chunkEvents matches a worker collects before handing them to the merge in one step (sooner when
 *     the merge is waiting for them)
 * @param readAheadEvents matches a source may hold for the merge before its worker stops
 * @param readAheadBytes message bytes a source may hold for the merge before its worker stops
 * @param turnNanos how long a worker scans one source before it lets another source of the pool run
 * @param minParallelBytes below this estimate of message bytes in range, a merge reads on its own thread
 *     (handing work to a pool costs more than it saves)
 * @param slicesPerThread sources to aim for per pool thread, splitting streams by time, so that one big
 *     stream also uses every core and uneven streams even out
 * @param minSliceBytes no time slice of a stream is planned smaller than this estimate
 */
record MergeSettings(
    int budget,
    int chunkEvents,
    int readAheadEvents,
    long readAheadBytes,
    long turnNanos,
    long minParallelBytes,
    int slicesPerThread,
    long minSliceBytes) {

  static final MergeSettings DEFAULTS =
      new MergeSettings(1024, 256, 1024, 512L << 10, 20_000_000L, 4L << 20, 4, 8L << 20);

  MergeSettings withBudget(int value) {
    return new MergeSettings(
        value, chunkEvents, readAheadEvents, readAheadBytes, turnNanos, minParallelBytes, slicesPerThread,
        minSliceBytes);
  }

  MergeSettings withMinParallelBytes(long value) {
    return new MergeSettings(
        budget, chunkEvents, readAheadEvents, readAheadBytes, turnNanos, value, slicesPerThread, minSliceBytes);
  }
}
