package io.cwlogs.bench.storage;

import io.cwlogs.core.spi.EventScan;
import io.cwlogs.core.spi.ScanRange;
import io.cwlogs.core.spi.StreamKey;
import io.cwlogs.storage.rocksdb.RocksLogStore;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * GetLogEvents' storage cost: reading a page of 10,000 events (200-byte messages) from one stream of
 * 200,000 in a {@link RocksLogStore}, oldest-first from the head and newest-first from the tail. Among
 * them sit 20 other streams of the same group, so the prefix bloom and bounds are exercised. Scores are
 * events/s.
 *
 * <p>Run (from the repository root):
 *
 * <pre>
 * mvn -B -q -pl cwlogs-bench -am package -DskipTests
 * java --enable-native-access=ALL-UNNAMED -jar cwlogs-bench/target/benchmarks.jar StoreScanBenchmark -prof gc
 * </pre>
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(value = 1, jvmArgsAppend = "--enable-native-access=ALL-UNNAMED")
@State(Scope.Benchmark)
public class StoreScanBenchmark {

  private static final int PAGE = 10_000;
  private static final int EVENTS = 200_000;
  private static final StreamKey STREAM = new StreamKey(7, 0);

  private Path dir;
  private RocksLogStore store;

  @Setup(Level.Trial)
  public void fill() {
    dir = BenchData.tempDir();
    store = RocksLogStore.open(dir);
    byte[][] messages = BenchData.messages(BenchData.BATCH, 1);
    for (long other = 1; other <= 20; other++) {
      StreamKey neighbour = new StreamKey(7, other);
      store.append(neighbour, BenchData.batch(messages, 0, 0), "streams", "n" + other, new byte[1]);
    }
    for (long sequence = 0; sequence < EVENTS; sequence += BenchData.BATCH) {
      store.append(STREAM, BenchData.batch(messages, sequence, sequence * 3), "streams", "s", new byte[1]);
    }
  }

  @TearDown(Level.Trial)
  public void close() {
    store.close();
    BenchData.deleteRecursively(dir);
  }

  @Benchmark
  @OperationsPerInvocation(PAGE)
  public void pageFromHead(Blackhole sink) {
    read(ScanRange.all(), sink);
  }

  @Benchmark
  @OperationsPerInvocation(PAGE)
  public void pageFromTail(Blackhole sink) {
    read(ScanRange.backward(Long.MIN_VALUE, Long.MAX_VALUE), sink);
  }

  private void read(ScanRange range, Blackhole sink) {
    try (EventScan scan = store.scan(STREAM, range)) {
      for (int i = 0; i < PAGE && scan.hasNext(); i++) {
        sink.consume(scan.next());
      }
    }
  }
}
