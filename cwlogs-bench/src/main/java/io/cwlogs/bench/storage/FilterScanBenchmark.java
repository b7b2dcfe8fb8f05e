package io.cwlogs.bench.storage;

import io.cwlogs.core.GroupScan;
import io.cwlogs.core.LogStreamMeta;
import io.cwlogs.core.ScanWorkers;
import io.cwlogs.core.spi.EventScan;
import io.cwlogs.core.spi.ScanRange;
import io.cwlogs.core.spi.StoredEvent;
import io.cwlogs.filter.FilterPattern;
import io.cwlogs.storage.rocksdb.RocksLogStore;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * FilterLogEvents' storage cost for a rare term: every event of a group of {@code streams} streams (4, or
 * 1 for one big stream that only time slices can spread over the cores; {@link #EVENTS} events of 200
 * bytes in all, realistic application-log text, 1 in 10,000 carrying
 * {@code FATAL}) in a compacted {@link RocksLogStore}, scanned oldest first and matched against the
 * pattern {@code FATAL}. Scores are events/s over the whole group; message bytes/s = score x 200.
 *
 * <ul>
 *   <li>{@code decodeThenMatch}: each stream scanned in turn without a filter, every event decoded into
 *       a {@link StoredEvent}, then matched (the storage half of the old FilterLogEvents path).
 *   <li>{@code mergeThenMatch}: the old path itself: {@link GroupScan} merges the streams by time,
 *       and each merged event is matched.
 *   <li>{@code filteredScan}: each stream scanned in turn with the pattern as the scan's {@link
 *       io.cwlogs.core.spi.MessageFilter}: the store tests the message bytes in place and decodes only
 *       matches.
 *   <li>{@code mergeFiltered}: FilterLogEvents' new path on one thread: {@link GroupScan} over filtered
 *       scans.
 *   <li>{@code mergeParallel}: FilterLogEvents' new path as the server runs it: the streams, cut into
 *       time slices, scanned on {@link ScanWorkers} (one thread per core) while this thread merges.
 * </ul>
 *
 * <p>Run (from the repository root; the set-up writes and compacts 400 MB, about a minute):
 *
 * <pre>
 * mvn -B -q -pl cwlogs-bench -am package -DskipTests
 * java -jar cwlogs-bench/target/benchmarks.jar FilterScanBenchmark -f 1 -wi 2 -w 2s -i 3 -r 3s -prof gc
 * java -jar cwlogs-bench/target/benchmarks.jar 'FilterScanBenchmark.merge(Filtered|Parallel)' -p streams=1 ...
 * </pre>
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 3)
@Fork(value = 1, jvmArgsAppend = "--enable-native-access=ALL-UNNAMED")
@State(Scope.Benchmark)
public class FilterScanBenchmark {

  static final int EVENTS = 2_000_000;
  private static final long GROUP = 11;
  private static final String RARE = "FATAL";

  @Param({"4", "1"})
  public int streams;

  private Path dir;
  private RocksLogStore store;
  private List<LogStreamMeta> group;
  private FilterPattern pattern;
  /** Every event, with {@link #pattern} as the scan's message filter. */
  private ScanRange filtered;
  private ScanWorkers workers;

  @Setup(Level.Trial)
  public void fill() {
    dir = BenchData.tempDir();
    store = RocksLogStore.open(dir);
    group = BenchData.fillGroup(store, GROUP, streams, EVENTS / streams, RARE);
    store.compactEvents(true);
    pattern = FilterPattern.compile(RARE);
    filtered = ScanRange.all().filtered(pattern::matches);
    workers = ScanWorkers.perCore();
  }

  @TearDown(Level.Trial)
  public void close() {
    workers.close();
    store.close();
    BenchData.deleteRecursively(dir);
  }

  @Benchmark
  @OperationsPerInvocation(EVENTS)
  public long decodeThenMatch() {
    long matched = 0;
    for (LogStreamMeta stream : group) {
      try (EventScan scan = store.scan(stream.key(), ScanRange.all())) {
        while (scan.hasNext()) {
          if (pattern.matches(scan.next().message())) {
            matched++;
          }
        }
      }
    }
    return expect(matched);
  }

  @Benchmark
  @OperationsPerInvocation(EVENTS)
  public long mergeThenMatch() {
    long matched = 0;
    try (GroupScan scan = new GroupScan(store, group, Long.MIN_VALUE, Long.MAX_VALUE, false, Optional.empty())) {
      while (scan.hasNext()) {
        if (pattern.matches(scan.next().event().message())) {
          matched++;
        }
      }
    }
    return expect(matched);
  }

  @Benchmark
  @OperationsPerInvocation(EVENTS)
  public long filteredScan() {
    long matched = 0;
    for (LogStreamMeta stream : group) {
      try (EventScan scan = store.scan(stream.key(), filtered)) {
        while (scan.hasNext()) {
          scan.next();
          matched++;
        }
      }
    }
    return expect(matched);
  }

  @Benchmark
  @OperationsPerInvocation(EVENTS)
  public long mergeFiltered() {
    return expect(drain(new GroupScan(store, group, filtered, Optional.empty())));
  }

  @Benchmark
  @OperationsPerInvocation(EVENTS)
  public long mergeParallel() {
    return expect(drain(new GroupScan(store, group, filtered, Optional.empty(), workers)));
  }

  /** Reads a filtered group scan to the end and closes it; returns how many events it returned. */
  private static long drain(GroupScan scan) {
    try (scan) {
      long matched = 0;
      while (scan.hasNext()) {
        scan.next();
        matched++;
      }
      return matched;
    }
  }

  /** Fails the run if a path found a different number of matches than were written. */
  private static long expect(long matched) {
    if (matched != EVENTS / BenchData.RARE_EVERY) {
      throw new IllegalStateException("matched " + matched + ", wrote " + EVENTS / BenchData.RARE_EVERY);
    }
    return matched;
  }
}
