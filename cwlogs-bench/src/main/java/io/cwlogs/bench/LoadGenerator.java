package io.cwlogs.bench;

import io.cwlogs.bench.QueryWorkloads.TimeRange;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.cloudwatchlogs.model.ResourceAlreadyExistsException;

/**
 * A load generator for any CloudWatch Logs endpoint, through the AWS SDK for Java v2.
 *
 * <p>It runs one workload against each {@code --endpoint} in turn (so cwlogs and moto_server, say, are
 * measured in one invocation): an ingest ({@link IngestWorkload}: PutLogEvents from N threads, closed
 * loop or paced at {@code --rate}), then query workloads ({@link QueryWorkloads}: GetLogEvents paging
 * through a stream, GetLogEvents first pages, FilterLogEvents with a rare term, a common term and a JSON
 * or space-delimited pattern). Each result prints as it finishes; with two or more endpoints a table at
 * the end gives, per workload, one line per endpoint and a ratio line per further endpoint
 * ({@link ResultTable}).
 *
 * <pre>
 * mvn -B -q -pl cwlogs-bench -am package -DskipTests
 * java -cp cwlogs-bench/target/benchmarks.jar io.cwlogs.bench.LoadGenerator \
 *     --endpoint http://127.0.0.1:4566 [--endpoint http://127.0.0.1:5000]   (each in turn, same workload)
 *   ingest:
 *     --threads 4 --streams N   (N streams, default one per thread; thread t writes stream-(t mod N))
 *     --batch 1000 --message-bytes 200   (a batch over 1,048,576 bytes, counting UTF-8 + 26 per event,
 *                                          or over 10,000 events is cut to fit, with a warning)
 *     --shape text|json|access   --padding letters|words
 *     --seconds 20 | --events N   (--events alone: exactly N events, no time limit)
 *     --rate EVENTS_PER_SEC   (paced: latency from the actual and from the intended send, both printed)
 *     --ingest false   (no ingest: query the --group an earlier run filled)
 *     --group NAME   (default a fresh /load/UUID, deleted after the queries; a named group is kept)
 *     --warmup SECONDS   (first an unmeasured ingest into a throwaway group, so neither this JVM's nor
 *                         the endpoint's JIT warm-up lands in the first endpoint's figures; default 0)
 *   queries:
 *     --queries true|false|read,filter,first-page   (true = read,filter, and first-page if --first-page N)
 *     --first-page N   (GetLogEvents first page, oldest and newest first, N times each)
 *     --page-limit N   (limit for those first pages; default: the server's page)
 *     --stream NAME    (stream for the GetLogEvents workloads; default the largest ingested, or stream-0)
 *     --filter-range FROM,TO   (FilterLogEvents over that fraction of the ingested time span, e.g. 0.5,0.75)
 * </pre>
 */
public final class LoadGenerator {

  private LoadGenerator() {}

  public static void main(String[] args) throws Exception {
    LoadSettings s = LoadSettings.parse(args);
    describe(s);
    Map<String, List<Result>> byEndpoint = new LinkedHashMap<>();
    for (String endpoint : s.endpoints()) {
      System.out.println("\n== " + endpoint + "  (load average " + loadAverage() + ")");
      byEndpoint.put(endpoint, run(endpoint, s));
    }
    if (byEndpoint.size() > 1) {
      ResultTable.print(byEndpoint);
    }
    System.out.println("\nload average at the end: " + loadAverage());
  }

  static List<Result> run(String endpoint, LoadSettings s) throws Exception {
    try (CloudWatchLogsClient logs = CloudWatchLogsClient.builder()
        .endpointOverride(URI.create(endpoint))
        .region(Region.US_EAST_1)
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDLOAD", "secret")))
        .httpClientBuilder(ApacheHttpClient.builder().maxConnections(s.threads() * 2))
        .overrideConfiguration(c -> c.apiCallTimeout(Duration.ofMinutes(5)))
        .build()) {
      String group = s.group().orElse("/load/" + UUID.randomUUID());
      List<Result> results = new ArrayList<>();
      Stored stored = s.ingest() ? ingest(logs, group, endpoint, s, results) : existing(logs, group, s);
      if (s.queries().contains(LoadSettings.Query.READ)) {
        report(endpoint, QueryWorkloads.readStream(logs, group, stored.stream()), results);
      }
      if (s.queries().contains(LoadSettings.Query.FIRST_PAGE)) {
        for (Result r : QueryWorkloads.firstPage(logs, group, stored.stream(), stored.streamNote(), s.firstPage(),
            s.pageLimit())) {
          report(endpoint, r, results);
        }
      }
      if (s.queries().contains(LoadSettings.Query.FILTER)) {
        Optional<TimeRange> range = Optional.empty();
        long scanned = stored.bytes();
        if (s.rangeFiltered()) {
          TimeRange all = stored.span().orElseThrow(
              () -> new IllegalStateException("--filter-range: the group's time span is unknown"));
          long length = all.endMillis() - all.startMillis();
          range = Optional.of(new TimeRange(all.startMillis() + Math.round(length * s.filterFrom()),
              all.startMillis() + Math.round(length * s.filterTo())));
          // Assumes an even ingest rate over the span, which both ingest modes give.
          scanned = Math.round(stored.bytes() * (s.filterTo() - s.filterFrom()));
        }
        for (Result r : QueryWorkloads.searches(logs, group, s.shape(), range, scanned)) {
          report(endpoint, r, results);
        }
      }
      if (s.group().isEmpty() && !s.queries().isEmpty()) {
        logs.deleteLogGroup(r -> r.logGroupName(group));
      }
      return results;
    }
  }

  /**
   * What the queries run over.
   *
   * @param bytes message bytes stored in the group (0 if unknown)
   * @param span the group's time span, if known
   * @param stream the stream for the GetLogEvents workloads
   * @param streamNote what is known about that stream's size, for the output
   */
  private record Stored(long bytes, Optional<TimeRange> span, String stream, String streamNote) {}

  /** The measured ingest (after the warm-up, if any), reported into {@code results}. */
  private static Stored ingest(CloudWatchLogsClient logs, String group, String endpoint, LoadSettings s,
      List<Result> results) throws Exception {
    boolean existed = false;
    try {
      logs.createLogGroup(r -> r.logGroupName(group));
    } catch (ResourceAlreadyExistsException e) {
      existed = true;
      System.out.println("  (adding to the existing group " + group + ")");
    }
    if (s.warmupSeconds() > 0) {
      warmup(logs, s);
    }
    ResultTable.header();
    IngestWorkload.Outcome ingest = IngestWorkload.run(logs, group, s);
    ingest.results().forEach(r -> report(endpoint, r, results));
    if (existed) {
      // The group held data before this run: the queries cover that too.
      return new Stored(QueryWorkloads.storedBytes(logs, group), QueryWorkloads.timeSpan(logs, group),
          s.stream().orElse(IngestWorkload.stream(0)), "");
    }
    long[] perStream = ingest.eventsPerStream();
    int largest = 0;
    for (int i = 1; i < perStream.length; i++) {
      largest = perStream[i] > perStream[largest] ? i : largest;
    }
    Optional<TimeRange> span = Optional.of(new TimeRange(ingest.firstTimestamp(), ingest.lastTimestamp() + 1));
    return s.stream().isPresent()
        ? new Stored(ingest.messageBytes(), span, s.stream().get(), "")
        : new Stored(ingest.messageBytes(), span, IngestWorkload.stream(largest),
            String.format(Locale.ROOT, " (%,d events ingested)", perStream[largest]));
  }

  /** A group an earlier run filled ({@code --ingest false}): its size and span as the endpoint reports them. */
  private static Stored existing(CloudWatchLogsClient logs, String group, LoadSettings s) {
    long bytes = QueryWorkloads.storedBytes(logs, group);
    Optional<TimeRange> span = QueryWorkloads.timeSpan(logs, group);
    System.out.printf(Locale.ROOT, "  group %s: %,d message bytes stored (DescribeLogGroups), time span %s%n",
        group, bytes, span.map(t -> t.startMillis() + ".." + t.endMillis()).orElse("unknown"));
    ResultTable.header();
    return new Stored(bytes, span, s.stream().orElse(IngestWorkload.stream(0)), "");
  }

  private static void warmup(CloudWatchLogsClient logs, LoadSettings s) throws Exception {
    String group = "/load/warmup-" + UUID.randomUUID();
    logs.createLogGroup(r -> r.logGroupName(group));
    Result r = IngestWorkload.run(logs, group, s.warmup()).results().get(0);
    System.out.printf(Locale.ROOT, "  warm-up (not measured): %s, %,.0f events/s%n", r.detail(), r.eventsPerSecond());
    logs.deleteLogGroup(d -> d.logGroupName(group));
  }

  private static void report(String endpoint, Result r, List<Result> results) {
    System.out.println(r.workload());
    ResultTable.line(endpoint, r);
    results.add(r);
  }

  private static void describe(LoadSettings s) {
    System.out.printf(Locale.ROOT, "workload: %s%n", !s.ingest() ? "no ingest (queries on --group " + s.group().get() + ")"
        : String.format(Locale.ROOT, "%d threads into %d stream(s), batch %,d x %d-byte %s messages (%,d bytes as "
            + "PutLogEvents counts them, of 1,048,576), %s, %s", s.threads(), s.streams(), s.batch(), s.messageBytes(),
            s.shape().name().toLowerCase(Locale.ROOT), LoadSettings.batchBytes(s.batch(), s.messageBytes()),
            s.events() > 0 ? String.format(Locale.ROOT, "%,d events", s.events()) + (s.seconds() > 0
                ? " or " + s.seconds() + " s" : "") : s.seconds() + " s",
            s.paced() ? String.format(Locale.ROOT, "paced at %,.0f events/s", s.rate()) : "closed loop (no --rate)"));
    if (s.ingest() && s.warmupSeconds() > 0) {
      System.out.printf(Locale.ROOT, "warm-up: %d s of the same ingest into a throwaway group first, per endpoint%n",
          s.warmupSeconds());
    }
    System.out.printf(Locale.ROOT, "queries: %s%s%n", s.queries(), s.rangeFiltered()
        ? String.format(Locale.ROOT, "; FilterLogEvents over %.2f..%.2f of the time span (MB/s scanned estimated as "
            + "that fraction of the stored bytes)", s.filterFrom(), s.filterTo()) : "");
  }

  /** The 1, 5 and 15-minute load averages, as {@code uptime} prints them (Linux only). */
  static String loadAverage() {
    try {
      String[] f = Files.readString(Path.of("/proc/loadavg")).split(" ");
      return f[0] + " " + f[1] + " " + f[2];
    } catch (IOException | RuntimeException e) {
      return "unknown";
    }
  }
}
