package io.cwlogs.bench.client;

import io.cwlogs.client.ClientConfig;
import io.cwlogs.client.LogEvent;
import io.cwlogs.client.LogResources;
import io.cwlogs.client.LogStream;
import java.net.URI;
import java.util.ArrayList;
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
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsAsyncClient;

/**
 * Shipping throughput in events/s: full batches of {@code eventBytes}-byte messages submitted
 * through {@code LogStream.submit} to a running server (ours, moto or AWS), one batch per call.
 * Bytes/s is events/s times {@code eventBytes + 26}.
 *
 * <p>Run against a server on port 4566: {@code mvn -pl cwlogs-bench -am package -DskipTests &&
 * java -Dcwlogs.bench.endpoint=http://127.0.0.1:4566 -jar cwlogs-bench/target/benchmarks.jar
 * ShippingThroughputBenchmark}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(1)
public class ShippingThroughputBenchmark {
  private static final int BATCH = 1_000;

  @Param({"100", "1000"})
  int eventBytes;

  private CloudWatchLogsAsyncClient client;
  private LogStream stream;
  private List<LogEvent> batch;

  @Setup(Level.Trial)
  public void setUp() {
    client =
        ClientConfig.builder()
            .endpoint(URI.create(System.getProperty("cwlogs.bench.endpoint", "http://127.0.0.1:4566")))
            .region("us-east-1")
            .staticCredentials("bench", "bench")
            .build()
            .newAsyncClient();
    String group = LogResources.createGroup(client, Optional.of("bench-shipping"));
    stream = LogStream.builder(client, group).build().create();
    batch = new ArrayList<>(BATCH);
    String message = "x".repeat(eventBytes);
    long now = System.currentTimeMillis();
    for (int i = 0; i < BATCH; i++) {
      batch.add(new LogEvent(message, now));
    }
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    client.close();
  }

  @Benchmark
  @OperationsPerInvocation(BATCH)
  public int submitBatch() {
    return stream.submit(batch).accepted();
  }
}
