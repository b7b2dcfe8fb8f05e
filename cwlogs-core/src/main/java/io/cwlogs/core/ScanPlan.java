package io.cwlogs.core;

import io.cwlogs.core.spi.ScanRange;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Which storage scans a {@link GroupScan} opens: one per stream on the merging thread, or, when the range
 * holds enough data and there is a pool, one per time slice of each stream on the pool.
 *
 * <p>The data in range is estimated from each stream's stored bytes and the share of its first-to-last
 * timestamp span that the range (after the resume position) covers, assuming events spread evenly over
 * time. Streams are cut into equal time slices so that there are about {@link
 * MergeSettings#slicesPerThread} sources per pool thread, bigger streams into more slices, none smaller
 * than {@link MergeSettings#minSliceBytes}. Slices of a stream share its ranges' bounds, direction,
 * filter and resume position and cover its range exactly, so the merge's order and pages are the same.
 *
 * @param parallel whether the slices run on the pool
 */
record ScanPlan(List<Slice> slices, boolean parallel) {

  /** One storage scan: a stream and the part of the range it reads. */
  record Slice(LogStreamMeta stream, ScanRange range) {}

  static ScanPlan of(
      List<LogStreamMeta> streams, ScanRange range, Optional<GroupScan.Resume> after, ScanWorkers workers,
      MergeSettings settings) {
    List<Slice> whole = new ArrayList<>();
    List<Long> estimates = new ArrayList<>();
    long total = 0;
    for (LogStreamMeta stream : streams) {
      if (!GroupScan.overlaps(stream, range)) {
        continue;
      }
      ScanRange streamRange = range;
      if (after.isPresent()) {
        streamRange = range.resumingAfter(after.get().positionFor(stream.id(), range.descending()));
      }
      long estimate = estimatedBytes(stream, streamRange);
      whole.add(new Slice(stream, streamRange));
      estimates.add(estimate);
      total += estimate;
    }
    if (!workers.parallel() || total < settings.minParallelBytes()) {
      return new ScanPlan(whole, false);
    }
    long target = Math.max(settings.minSliceBytes(), total / ((long) settings.slicesPerThread() * workers.threads()));
    List<Slice> slices = new ArrayList<>();
    for (int i = 0; i < whole.size(); i++) {
      int count = (int) Math.min(settings.slicesPerThread() * workers.threads(), estimates.get(i) / target);
      slices.addAll(cut(whole.get(i), Math.max(1, count)));
    }
    return new ScanPlan(slices, true);
  }

  /** The stream's message bytes expected in the range: its stored bytes times the covered share of its span. */
  static long estimatedBytes(LogStreamMeta stream, ScanRange range) {
    long first = stream.firstEventTimestamp();
    long last = stream.lastEventTimestamp();
    long lo = Math.max(first, range.fromTimestamp());
    long hi = Math.min(last, range.toTimestamp() - 1);
    if (range.after().isPresent()) {
      long at = range.after().get().timestamp();
      lo = range.descending() ? lo : Math.max(lo, at);
      hi = range.descending() ? Math.min(hi, at) : hi;
    }
    if (lo > hi) {
      return 0;
    }
    double span = (double) last - first + 1;
    double covered = (double) hi - lo + 1;
    return (long) (stream.storedBytes() * Math.min(1.0, covered / span));
  }

  /** The slice cut into {@code count} consecutive time ranges over the part its stream has events in. */
  private static List<Slice> cut(Slice slice, int count) {
    ScanRange range = slice.range();
    long lo = Math.max(slice.stream().firstEventTimestamp(), range.fromTimestamp());
    long hi = Math.min(slice.stream().lastEventTimestamp(), range.toTimestamp() - 1);
    if (range.after().isPresent()) {
      long at = range.after().get().timestamp();
      lo = range.descending() ? lo : Math.max(lo, at);
      hi = range.descending() ? Math.min(hi, at) : hi;
    }
    if (count == 1 || lo >= hi || hi - lo < 0) {
      return List.of(slice); // nothing to cut, or a span too wide for a long (only with extreme timestamps)
    }
    long width = (hi - lo) / count;
    if (width == 0) {
      return List.of(slice);
    }
    List<Slice> slices = new ArrayList<>(count);
    long from = range.fromTimestamp();
    for (int i = 1; i <= count; i++) {
      long to = i == count ? range.toTimestamp() : lo + width * i;
      slices.add(
          new Slice(slice.stream(), new ScanRange(from, to, range.descending(), range.after(), range.filter())));
      from = to;
    }
    return slices;
  }
}
