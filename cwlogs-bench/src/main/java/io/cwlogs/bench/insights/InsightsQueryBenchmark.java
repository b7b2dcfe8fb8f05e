package io.cwlogs.bench.insights;

import io.cwlogs.insights.InsightsQuery;
import io.cwlogs.insights.QueryEvent;
import io.cwlogs.insights.QueryExecution;
import io.cwlogs.insights.ResultField;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.AuxCounters;
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
import org.openjdk.jmh.annotations.Warmup;

/**
 * Logs Insights execution throughput over an in-memory scan: the per-event cost of {@link
 * QueryExecution#accept} for two typical queries.
 *
 * <p>Workload: {@value #EVENTS} generated events, newest first, one every 100 ms (so about 2.8
 * hours, 34 five-minute bins), 70% JSON ({@code
 * {"level":...,"service":...,"latency":...,"msg":...}} over 8 services) and 30% plain text lines,
 * 5% of all events containing {@code ERROR}. Each invocation runs the whole query (parse excluded)
 * and reads its results.
 *
 * <ul>
 *   <li>{@code statsCountByBin5m}: {@code stats count(*) by bin(5m)} (system fields only; no JSON
 *       read, no message decode);
 *   <li>{@code filterErrorStatsByService}: {@code filter @message like /ERROR/ | stats count(*) by
 *       service} (regex over every decoded message, JSON read for the matches).
 * </ul>
 *
 * <p>The primary score is events/s ({@code @OperationsPerInvocation}); the {@code bytes} secondary
 * score is message bytes/s. Run:
 *
 * <pre>
 * mvn -B -pl cwlogs-bench -am package -DskipTests
 * java -jar cwlogs-bench/target/benchmarks.jar InsightsQueryBenchmark -prof gc
 * </pre>
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@State(Scope.Benchmark)
public class InsightsQueryBenchmark {
  static final int EVENTS = 100_000;
  private static final String[] SERVICES = {
    "api", "auth", "billing", "search", "cart", "checkout", "email", "images"
  };

  private QueryEvent[] events;
  private long totalBytes;
  private InsightsQuery byBin;
  private InsightsQuery errorsByService;

  /** Message bytes scanned, reported by JMH as bytes per second. */
  @State(Scope.Thread)
  @AuxCounters(AuxCounters.Type.OPERATIONS)
  public static class Bytes {
    public long bytes;

    @Setup(Level.Iteration)
    public void reset() {
      bytes = 0;
    }
  }

  @Setup
  public void setUp() {
    SplittableRandom r = new SplittableRandom(42);
    long now = 1_714_564_800_000L;
    events = new QueryEvent[EVENTS];
    for (int i = 0; i < EVENTS; i++) {
      long ts = now - i * 100L;
      boolean error = r.nextInt(100) < 5;
      String level = error ? "ERROR" : (r.nextBoolean() ? "INFO" : "DEBUG");
      String service = SERVICES[r.nextInt(SERVICES.length)];
      String message =
          r.nextInt(10) < 7
              ? "{\"level\":\""
                  + level
                  + "\",\"service\":\""
                  + service
                  + "\",\"latency\":"
                  + r.nextInt(2_000)
                  + ",\"msg\":\"request "
                  + i
                  + " handled by "
                  + service
                  + "\"}"
              : "2024-05-01T12:00:00Z "
                  + level
                  + " ["
                  + service
                  + "] worker-"
                  + r.nextInt(64)
                  + " processed batch "
                  + i
                  + " in "
                  + r.nextInt(500)
                  + " ms";
      byte[] bytes = message.getBytes(StandardCharsets.UTF_8);
      totalBytes += bytes.length;
      events[i] =
          new QueryEvent(
              ts, ts + 5, "app", "123456789012", "stream-" + (i % 16), bytes, "ptr-" + i);
    }
    byBin = InsightsQuery.parse("stats count(*) by bin(5m)");
    errorsByService =
        InsightsQuery.parse("filter @message like /ERROR/ | stats count(*) by service");
  }

  private List<List<ResultField>> scan(InsightsQuery query, Bytes counter) {
    QueryExecution run = query.newExecution();
    for (QueryEvent e : events) {
      run.accept(e);
    }
    counter.bytes += totalBytes;
    return run.results();
  }

  @Benchmark
  @OperationsPerInvocation(EVENTS)
  public List<List<ResultField>> statsCountByBin5m(Bytes counter) {
    return scan(byBin, counter);
  }

  @Benchmark
  @OperationsPerInvocation(EVENTS)
  public List<List<ResultField>> filterErrorStatsByService(Bytes counter) {
    return scan(errorsByService, counter);
  }
}
