package io.cwlogs.bench.client;

import io.cwlogs.client.ClientConfig;
import io.cwlogs.client.LogEvent;
import io.cwlogs.client.LogShipper;
import io.cwlogs.client.OverflowPolicy;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Caller cost of one {@code LogShipper.offer}: what every appender adds to a log call on top of
 * formatting. The shipper points at an unreachable endpoint and drops on overflow, so this measures
 * the queue hand-off alone (the steady state once the queue is full is the drop path; the {@code
 * queueCapacity} parameter shows both).
 *
 * <p>Run: {@code mvn -pl cwlogs-bench -am package -DskipTests && java -jar
 * cwlogs-bench/target/benchmarks.jar ShipperOfferBenchmark -prof gc}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@Threads(4)
public class ShipperOfferBenchmark {
  @Param({"10000", "1000000"})
  int queueCapacity;

  private LogShipper shipper;
  private final LogEvent event =
      new LogEvent("2025-01-01T00:00:00Z INFO  [main] shop.Orders - order 42 accepted", 0);

  @Setup(Level.Trial)
  public void setUp() {
    shipper =
        LogShipper.builder()
            .clientConfig(
                ClientConfig.builder()
                    .endpoint(URI.create("http://127.0.0.1:9"))
                    .region("us-east-1")
                    .staticCredentials("bench", "bench")
                    .build())
            .group("bench")
            .queueCapacity(queueCapacity)
            .overflowPolicy(OverflowPolicy.DROP_NEWEST)
            .linger(Duration.ofSeconds(1))
            .jmx(false)
            .build();
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    shipper.close(Duration.ofMillis(100));
  }

  @Benchmark
  public boolean offer() {
    return shipper.offer(event);
  }
}
