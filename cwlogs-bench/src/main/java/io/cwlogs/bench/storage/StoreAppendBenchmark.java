package io.cwlogs.bench.storage;

import io.cwlogs.core.spi.StoredEvent;
import io.cwlogs.core.spi.StreamKey;
import io.cwlogs.storage.rocksdb.RocksLogStore;
import io.cwlogs.storage.rocksdb.RocksStoreOptions;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
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
 * PutLogEvents' storage cost: appending batches of 1,000 events of 200 bytes (200 KB) to a stream of a
 * {@link RocksLogStore}, with the stream document written in the same batch. Each thread appends to its
 * own stream, as the service serialises appends per stream. Scores are events/s; multiply by 200 for
 * message bytes/s.
 *
 * <p>Run (from the repository root):
 *
 * <pre>
 * mvn -B -q -pl cwlogs-bench -am package -DskipTests
 * java --enable-native-access=ALL-UNNAMED -jar cwlogs-bench/target/benchmarks.jar StoreAppendBenchmark -prof gc
 * </pre>
 *
 * <p>Add {@code -t 4} for concurrent streams, {@code -p durability=POWER_LOSS} for fsync per append.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(value = 1, jvmArgsAppend = "--enable-native-access=ALL-UNNAMED")
@State(Scope.Benchmark)
public class StoreAppendBenchmark {

  @Param({"PROCESS_CRASH", "POWER_LOSS"})
  public RocksStoreOptions.Durability durability;

  private Path dir;
  private RocksLogStore store;
  private final AtomicLong nextStream = new AtomicLong();

  @Setup(Level.Trial)
  public void open() {
    dir = BenchData.tempDir();
    store = RocksLogStore.open(dir, RocksStoreOptions.defaults().withDurability(durability));
  }

  @TearDown(Level.Trial)
  public void close() {
    store.close();
    BenchData.deleteRecursively(dir);
  }

  /** One appending thread's stream and position. */
  @State(Scope.Thread)
  public static class Writer {
    StreamKey stream;
    byte[][] messages;
    byte[] document;
    long sequence;

    @Setup(Level.Trial)
    public void setUp(StoreAppendBenchmark bench) {
      long id = bench.nextStream.incrementAndGet();
      stream = new StreamKey(1, id);
      messages = BenchData.messages(BenchData.BATCH, id);
      document = ("{\"stream\":" + id + ",\"storedBytes\":0}").getBytes(StandardCharsets.UTF_8);
    }
  }

  @Benchmark
  @OperationsPerInvocation(BenchData.BATCH)
  public void appendBatch(Writer writer) {
    List<StoredEvent> batch =
        BenchData.batch(writer.messages, writer.sequence, 1_763_700_000_000L + writer.sequence * 3);
    writer.sequence += BenchData.BATCH;
    store.append(writer.stream, batch, "streams", Long.toString(writer.stream.streamId()), writer.document);
  }
}
