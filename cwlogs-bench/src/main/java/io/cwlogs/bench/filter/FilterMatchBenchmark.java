package io.cwlogs.bench.filter;

import io.cwlogs.filter.FilterPattern;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
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
 * Filter pattern matching throughput per syntax, over realistic 100–300 byte UTF-8 messages as the
 * storage layer holds them ({@code matches(byte[], int, int)}).
 *
 * <p>Workload: {@value #BATCH} pre-generated messages per invocation, cycled; most do not match, as
 * in FilterLogEvents over a busy group, so term search scans whole messages. Each benchmark reports
 * events/s (the primary score, one op per message) and bytes/s (the {@code bytes} secondary result
 * from {@link Bytes}). Targets: single term at least 1 GB/s per core, JSON at least 200 MB/s per
 * core.
 *
 * <p>Run (one core, with allocation profile):
 *
 * <pre>
 * mvn -B -q -pl cwlogs-bench -am package -DskipTests
 * java -jar cwlogs-bench/target/benchmarks.jar FilterMatchBenchmark -t 1 -prof gc
 * </pre>
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@State(Scope.Thread)
public class FilterMatchBenchmark {
  static final int BATCH = 1024;

  /** Counts bytes scanned; JMH reports it as a rate, i.e. bytes/s. */
  @AuxCounters(AuxCounters.Type.OPERATIONS)
  @State(Scope.Thread)
  public static class Bytes {
    public long bytes;

    @Setup(Level.Iteration)
    public void reset() {
      bytes = 0;
    }
  }

  private byte[][] text;
  private byte[][] json;
  private byte[][] access;

  private FilterPattern singleTerm;
  private FilterPattern severalTerms;
  private FilterPattern jsonEquality;
  private FilterPattern jsonNumeric;
  private FilterPattern spaceDelimited;
  private FilterPattern regex;

  @Setup
  public void setUp() {
    SplittableRandom r = new SplittableRandom(42);
    text = new byte[BATCH][];
    json = new byte[BATCH][];
    access = new byte[BATCH][];
    for (int i = 0; i < BATCH; i++) {
      text[i] = utf8(Messages.textLine(r));
      json[i] = utf8(Messages.jsonLine(r));
      access[i] = utf8(Messages.accessLine(r));
    }
    singleTerm = FilterPattern.compile("OutOfMemoryError");
    severalTerms = FilterPattern.compile("ERROR \"request failed\" -DEBUG");
    jsonEquality = FilterPattern.compile("{ $.eventName = \"DeleteBucket\" }");
    jsonNumeric = FilterPattern.compile("{ $.latencyMs > 950 && $.status >= 500 }");
    spaceDelimited =
        FilterPattern.compile(
            "[ip, user, username, timestamp, request, status = 5*, bytes > 100000, referrer,"
                + " agent]");
    regex = FilterPattern.compile("%timeout after \\d+ms|conn[a-z]* reset%");
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private static int run(FilterPattern p, byte[][] msgs, Bytes bytes) {
    int hits = 0;
    long n = 0;
    for (byte[] m : msgs) {
      n += m.length;
      if (p.matches(m, 0, m.length)) {
        hits++;
      }
    }
    bytes.bytes += n;
    return hits;
  }

  @Benchmark
  @OperationsPerInvocation(BATCH)
  public int singleTerm(Bytes b) {
    return run(singleTerm, text, b);
  }

  @Benchmark
  @OperationsPerInvocation(BATCH)
  public int severalTerms(Bytes b) {
    return run(severalTerms, text, b);
  }

  @Benchmark
  @OperationsPerInvocation(BATCH)
  public int jsonEquality(Bytes b) {
    return run(jsonEquality, json, b);
  }

  @Benchmark
  @OperationsPerInvocation(BATCH)
  public int jsonNumericComparison(Bytes b) {
    return run(jsonNumeric, json, b);
  }

  @Benchmark
  @OperationsPerInvocation(BATCH)
  public int spaceDelimited(Bytes b) {
    return run(spaceDelimited, access, b);
  }

  @Benchmark
  @OperationsPerInvocation(BATCH)
  public int regex(Bytes b) {
    return run(regex, text, b);
  }

  /** Realistic message generators, seeded so every run sees the same corpus. */
  static final class Messages {
    private static final String[] LEVELS = {"INFO", "INFO", "INFO", "WARN", "DEBUG", "ERROR"};
    private static final String[] EVENTS = {
      "GetObject", "PutObject", "ListBuckets", "DeleteBucket", "AssumeRole", "DescribeInstances"
    };

    private Messages() {}

    static String textLine(SplittableRandom r) {
      List<String> words = new ArrayList<>();
      String[] vocab = {
        "request", "handled", "user", "session", "cache", "miss", "upstream", "latency", "retrying",
        "connection", "pool", "checkout", "order", "payment", "timeout", "ok", "served", "from"
      };
      int n = 12 + r.nextInt(30);
      for (int i = 0; i < n; i++) {
        words.add(vocab[r.nextInt(vocab.length)]);
      }
      return String.format(
          "2026-11-21T12:%02d:%02d.%03dZ %s [http-nio-8080-exec-%d] c.e.svc.OrderController"
              + " rid=%08x %s",
          r.nextInt(60),
          r.nextInt(60),
          r.nextInt(1000),
          LEVELS[r.nextInt(LEVELS.length)],
          r.nextInt(200),
          r.nextInt(),
          String.join(" ", words));
    }

    static String jsonLine(SplittableRandom r) {
      return String.format(
          "{\"eventVersion\":\"1.08\",\"eventTime\":\"2026-11-21T12:%02d:%02dZ\","
              + "\"eventSource\":\"s3.amazonaws.com\",\"eventName\":\"%s\",\"awsRegion\":\"eu-west-1\","
              + "\"sourceIPAddress\":\"10.%d.%d.%d\",\"userAgent\":\"aws-sdk-java/2.31\","
              + "\"requestParameters\":{\"bucketName\":\"logs-%d\"},\"status\":%d,\"latencyMs\":%d}",
          r.nextInt(60),
          r.nextInt(60),
          EVENTS[r.nextInt(EVENTS.length)],
          r.nextInt(256),
          r.nextInt(256),
          r.nextInt(256),
          r.nextInt(100),
          r.nextInt(10) == 0 ? 503 : 200,
          r.nextInt(1000));
    }

    static String accessLine(SplittableRandom r) {
      return String.format(
          "10.%d.%d.%d - user%d [21/Nov/2026:12:%02d:%02d +0000] \"GET"
              + " /api/v1/orders/%d?expand=items HTTP/1.1\" %d %d \"-\" \"Mozilla/5.0 (X11; Linux"
              + " x86_64) AppleWebKit/537.36\"",
          r.nextInt(256),
          r.nextInt(256),
          r.nextInt(256),
          r.nextInt(1000),
          r.nextInt(60),
          r.nextInt(60),
          r.nextInt(1_000_000),
          r.nextInt(20) == 0 ? 500 : 200,
          r.nextInt(200_000));
    }
  }
}
