package io.cwlogs.bench;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.cloudwatchlogs.model.FilterLogEventsResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.GetLogEventsResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.InputLogEvent;

/**
 * A load generator for any CloudWatch Logs endpoint, through the AWS SDK for Java v2.
 *
 * <p>It runs one workload against each {@code --endpoint} in turn (so cwlogs and moto_server, say, are
 * measured in one invocation) and prints a table with the ratio to the first endpoint: ingest
 * (PutLogEvents from N threads, one stream each), then reads (GetLogEvents paging through one stream) and
 * searches (FilterLogEvents over the whole group with a rare term, a common term and a JSON pattern).
 *
 * <pre>
 * mvn -B -q -pl cwlogs-bench -am package -DskipTests
 * java -cp cwlogs-bench/target/benchmarks.jar io.cwlogs.bench.LoadGenerator \
 *     --endpoint http://127.0.0.1:4566 [--endpoint http://127.0.0.1:5000] \
 *     --threads 4 --batch 1000 --message-bytes 200 --shape text|json|access --seconds 20 [--events N] \
 *     [--queries false]   (ingest only: for profiling PutLogEvents)
 *     [--padding letters|words]   (fill to size with random letters, the default and nearly
 *                                  incompressible, or with words and ids as real logs have)
 * </pre>
 */
public final class LoadGenerator {

  record Settings(
      List<String> endpoints, int threads, int batch, int messageBytes, String shape, int seconds,
      long events, boolean queries, boolean wordPadding) {

    static Settings parse(String[] args) {
      List<String> endpoints = new ArrayList<>();
      Map<String, String> v = new LinkedHashMap<>(Map.of(
          "--threads", "4", "--batch", "1000", "--message-bytes", "200", "--shape", "text",
          "--seconds", "20", "--events", "0", "--queries", "true", "--padding", "letters"));
      for (int i = 0; i < args.length; i += 2) {
        if (args[i].equals("--endpoint")) {
          endpoints.add(args[i + 1]);
        } else if (v.containsKey(args[i])) {
          v.put(args[i], args[i + 1]);
        } else {
          throw new IllegalArgumentException("unknown option " + args[i]);
        }
      }
      if (endpoints.isEmpty()) {
        endpoints.add("http://127.0.0.1:4566");
      }
      return new Settings(endpoints, Integer.parseInt(v.get("--threads")), Integer.parseInt(v.get("--batch")),
          Integer.parseInt(v.get("--message-bytes")), v.get("--shape"), Integer.parseInt(v.get("--seconds")),
          Long.parseLong(v.get("--events")), Boolean.parseBoolean(v.get("--queries")),
          v.get("--padding").equals("words"));
    }
  }

  /** One measured workload on one endpoint. */
  record Result(String workload, double eventsPerSecond, double megabytesPerSecond, double p50Ms, double p99Ms) {}

  public static void main(String[] args) throws Exception {
    Settings s = Settings.parse(args);
    Map<String, List<Result>> byEndpoint = new LinkedHashMap<>();
    for (String endpoint : s.endpoints()) {
      System.out.println("== " + endpoint);
      byEndpoint.put(endpoint, run(endpoint, s));
    }
    print(s, byEndpoint);
  }

  static List<Result> run(String endpoint, Settings s) throws Exception {
    try (CloudWatchLogsClient logs = CloudWatchLogsClient.builder()
        .endpointOverride(URI.create(endpoint))
        .region(Region.US_EAST_1)
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDLOAD", "secret")))
        .httpClientBuilder(ApacheHttpClient.builder().maxConnections(s.threads() * 2))
        .overrideConfiguration(c -> c.apiCallTimeout(Duration.ofMinutes(2)))
        .build()) {
      String group = "/load/" + UUID.randomUUID();
      logs.createLogGroup(r -> r.logGroupName(group));
      List<Result> results = new ArrayList<>();
      Result ingest = ingest(logs, group, s);
      results.add(ingest);
      long storedBytes = ingestedBytes;
      if (!s.queries()) {
        return results;
      }
      results.add(readStream(logs, group));
      results.add(search(logs, group, "rare term", s.shape().equals("json") ? "{ $.level = \"FATAL\" }" : "FATAL", storedBytes));
      results.add(search(logs, group, "common term", s.shape().equals("json") ? "{ $.status = 200 }" : "INFO", storedBytes));
      logs.deleteLogGroup(r -> r.logGroupName(group));
      return results;
    }
  }

  /** Message bytes the last {@link #ingest} stored: FilterLogEvents over the group scans this many. */
  static volatile long ingestedBytes;

  static Result ingest(CloudWatchLogsClient logs, String group, Settings s) throws Exception {
    // Messages are generated before the clock starts and reused, so the generator's own CPU (it shares
    // the machine with the server) goes to the SDK call, not to String.format.
    // Exactly 1 in 10,000 carries the rare term, so FilterLogEvents for it finds some.
    String[] messages = new String[Math.max(s.batch() * 4, 20_000)];
    long[] poolBytes = new long[messages.length];
    for (int i = 0; i < messages.length; i++) {
      messages[i] = message(s, ThreadLocalRandom.current(), i % 10_000 == 0);
      poolBytes[i] = messages[i].getBytes(StandardCharsets.UTF_8).length;
    }
    ExecutorService pool = Executors.newFixedThreadPool(s.threads(), r -> new Thread(r, "load-ingest"));
    AtomicLong events = new AtomicLong();
    AtomicLong bytes = new AtomicLong();
    long[][] latencies = new long[s.threads()][];
    long deadline = System.nanoTime() + Duration.ofSeconds(s.seconds()).toNanos();
    long perThread = s.events() > 0 ? s.events() / s.threads() : Long.MAX_VALUE;
    long started = System.nanoTime();
    List<Future<?>> futures = new ArrayList<>();
    for (int t = 0; t < s.threads(); t++) {
      int thread = t;
      String stream = "stream-" + t;
      logs.createLogStream(r -> r.logGroupName(group).logStreamName(stream));
      futures.add(pool.submit(() -> {
        long[] lat = new long[1 << 16];
        int n = 0;
        long sent = 0;
        int next = thread * 7919;
        while (System.nanoTime() < deadline && sent < perThread) {
          long now = System.currentTimeMillis();
          List<InputLogEvent> batch = new ArrayList<>(s.batch());
          long batchBytes = 0;
          for (int i = 0; i < s.batch(); i++) {
            int k = next++ % messages.length;
            batch.add(InputLogEvent.builder().timestamp(now).message(messages[k]).build());
            batchBytes += poolBytes[k];
          }
          long t0 = System.nanoTime();
          logs.putLogEvents(r -> r.logGroupName(group).logStreamName(stream).logEvents(batch));
          if (n < lat.length) {
            lat[n++] = System.nanoTime() - t0;
          }
          sent += batch.size();
          events.addAndGet(batch.size());
          bytes.addAndGet(batchBytes);
        }
        latencies[thread] = Arrays.copyOf(lat, n);
        return null;
      }));
    }
    for (Future<?> f : futures) {
      f.get();
    }
    double seconds = (System.nanoTime() - started) / 1e9;
    pool.shutdown();
    long[] all = Arrays.stream(latencies).flatMapToLong(Arrays::stream).sorted().toArray();
    ingestedBytes = bytes.get();
    return new Result("PutLogEvents", events.get() / seconds, bytes.get() / seconds / 1e6, pct(all, 50), pct(all, 99));
  }

  static Result readStream(CloudWatchLogsClient logs, String group) {
    long events = 0;
    long bytes = 0;
    List<Long> lat = new ArrayList<>();
    long started = System.nanoTime();
    String token = null;
    while (true) {
      String current = token;
      long t0 = System.nanoTime();
      GetLogEventsResponse page = logs.getLogEvents(r -> r.logGroupName(group).logStreamName("stream-0")
          .startFromHead(true).nextToken(current));
      lat.add(System.nanoTime() - t0);
      if (page.events().isEmpty()) {
        break;
      }
      events += page.events().size();
      bytes += page.events().stream().mapToLong(e -> e.message().length()).sum();
      token = page.nextForwardToken();
    }
    double seconds = (System.nanoTime() - started) / 1e9;
    long[] sorted = lat.stream().mapToLong(Long::longValue).sorted().toArray();
    return new Result("GetLogEvents (page through)", events / seconds, bytes / seconds / 1e6, pct(sorted, 50), pct(sorted, 99));
  }

  /** FilterLogEvents over the whole group; MB/s is message bytes scanned (everything stored) per second. */
  static Result search(CloudWatchLogsClient logs, String group, String label, String pattern, long storedBytes) {
    long matched = 0;
    List<Long> lat = new ArrayList<>();
    long started = System.nanoTime();
    String token = null;
    do {
      String current = token;
      long t0 = System.nanoTime();
      FilterLogEventsResponse page = logs.filterLogEvents(r -> r.logGroupName(group).filterPattern(pattern).nextToken(current));
      lat.add(System.nanoTime() - t0);
      matched += page.events().size();
      token = page.nextToken();
    } while (token != null);
    double seconds = (System.nanoTime() - started) / 1e9;
    long[] sorted = lat.stream().mapToLong(Long::longValue).sorted().toArray();
    return new Result("FilterLogEvents " + label + " (" + matched + " matched, " + lat.size() + " pages)", matched / seconds,
        storedBytes / seconds / 1e6, pct(sorted, 50), pct(sorted, 99));
  }

  static List<InputLogEvent> batch(Settings s, long now) {
    List<InputLogEvent> batch = new ArrayList<>(s.batch());
    ThreadLocalRandom random = ThreadLocalRandom.current();
    for (int i = 0; i < s.batch(); i++) {
      batch.add(InputLogEvent.builder().timestamp(now).message(message(s, random)).build());
    }
    return batch;
  }

  /** A realistic message of about {@code messageBytes} bytes; 1 in 10,000 carries the rare term FATAL. */
  static String message(Settings s, ThreadLocalRandom random) {
    return message(s, random, random.nextInt(10_000) == 0);
  }

  static String message(Settings s, ThreadLocalRandom random, boolean rare) {
    String level = rare ? "FATAL" : random.nextInt(10) == 0 ? "WARN" : "INFO";
    String base = switch (s.shape()) {
      case "json" -> String.format("{\"level\":\"%s\",\"service\":\"svc-%d\",\"status\":%d,\"latency_ms\":%d,\"path\":\"/api/v1/items/%d\",\"msg\":\"",
          level, random.nextInt(8), random.nextInt(20) == 0 ? 500 : 200, random.nextInt(900), random.nextInt(100_000));
      case "access" -> String.format("10.0.%d.%d - - [21/Nov/2026:12:00:00 +0000] \"GET /api/v1/items/%d HTTP/1.1\" %d %d \"-\" \"curl/8.0\" %s ",
          random.nextInt(256), random.nextInt(256), random.nextInt(100_000), random.nextInt(20) == 0 ? 500 : 200, random.nextInt(5000), level);
      default -> String.format("2026-11-21T12:00:00.000Z %s [worker-%d] c.e.OrderService - order %d processed for customer %d ",
          level, random.nextInt(16), random.nextInt(1_000_000), random.nextInt(100_000));
    };
    StringBuilder sb = new StringBuilder(base);
    int size = s.messageBytes() - (s.shape().equals("json") ? 2 : 0);
    while (sb.length() < size) {
      if (s.wordPadding()) {
        sb.append(WORDS[random.nextInt(WORDS.length)]).append(random.nextInt(1000)).append(' ');
      } else {
        sb.append((char) ('a' + random.nextInt(26)));
      }
    }
    sb.setLength(size);
    if (s.shape().equals("json")) {
      sb.append("\"}");
    }
    return sb.toString();
  }

  private static final String[] WORDS = {
    "user=", "session=", "request_id=", "latency_ms=", "region=eu-west-1", "cache=hit", "cache=miss",
    "db_ms=", "items=", "retry=", "status=ok", "tenant=", "shard=", "bytes=", "queue=orders", "attempt="
  };

  static double pct(long[] sortedNanos, int p) {
    if (sortedNanos.length == 0) {
      return 0;
    }
    int i = (int) Math.ceil(p / 100.0 * sortedNanos.length) - 1;
    return sortedNanos[Math.max(0, i)] / 1e6;
  }

  static void print(Settings s, Map<String, List<Result>> byEndpoint) {
    System.out.printf(Locale.ROOT, "%nworkload: %d threads, batch %d, %d-byte %s messages, %d s%n",
        s.threads(), s.batch(), s.messageBytes(), s.shape(), s.seconds());
    List<Result> first = byEndpoint.values().iterator().next();
    for (var e : byEndpoint.entrySet()) {
      System.out.println("\nendpoint " + e.getKey());
      System.out.printf(Locale.ROOT, "  %-45s %14s %10s %10s %10s %8s%n", "workload", "events/s", "MB/s", "p50 ms", "p99 ms", "ratio");
      for (int i = 0; i < e.getValue().size(); i++) {
        Result r = e.getValue().get(i);
        // MB/s, not events/s: FilterLogEvents rows scan what each endpoint stored, and may match nothing.
        double ratio = first.get(i).megabytesPerSecond() / Math.max(1e-9, r.megabytesPerSecond());
        System.out.printf(Locale.ROOT, "  %-45s %14.0f %10.2f %10.2f %10.2f %8s%n", r.workload(), r.eventsPerSecond(),
            r.megabytesPerSecond(), r.p50Ms(), r.p99Ms(), e.getValue() == first ? "1.00" : String.format(Locale.ROOT, "%.2f", ratio));
      }
    }
    if (byEndpoint.size() > 1) {
      System.out.println("\nratio = first endpoint's MB/s divided by this endpoint's (how many times faster the first is)");
    }
  }
}
