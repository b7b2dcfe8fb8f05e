package io.cwlogs.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.cloudwatchlogs.model.FilterLogEventsRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.FilterLogEventsResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.GetLogEventsResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.LogGroup;
import software.amazon.awssdk.services.cloudwatchlogs.model.LogStream;
import software.amazon.awssdk.services.cloudwatchlogs.model.OutputLogEvent;

/**
 * The query workloads the load generator runs after (or without) an ingest: GetLogEvents paging through
 * a stream, GetLogEvents first pages repeated, and FilterLogEvents with a rare term, a common term and a
 * JSON or space-delimited pattern, over the whole group or a sub-range of its time span.
 */
final class QueryWorkloads {

  /** First-page requests of each direction sent before measuring, so the endpoint's JIT and caches warm. */
  static final int FIRST_PAGE_WARMUP = 5;

  /** A FilterLogEvents time range, epoch milliseconds, start inclusive, end exclusive. */
  record TimeRange(long startMillis, long endMillis) {}

  private QueryWorkloads() {}

  /** GetLogEvents from the head of {@code stream} to its end, one page after another. */
  static Result readStream(CloudWatchLogsClient logs, String group, String stream) {
    long events = 0;
    long bytes = 0;
    Latencies lat = new Latencies();
    long started = System.nanoTime();
    String token = null;
    while (true) {
      String current = token;
      long t0 = System.nanoTime();
      GetLogEventsResponse page = logs.getLogEvents(r -> r.logGroupName(group).logStreamName(stream)
          .startFromHead(true).nextToken(current));
      lat.add(System.nanoTime() - t0);
      if (page.events().isEmpty()) {
        break;
      }
      events += page.events().size();
      bytes += messageBytes(page.events());
      token = page.nextForwardToken();
    }
    double seconds = (System.nanoTime() - started) / 1e9;
    return new Result("GetLogEvents page through", String.format(Locale.ROOT, "%s: %,d events", stream, events),
        events / seconds, bytes / seconds / 1e6, lat.summary());
  }

  /**
   * GetLogEvents' first page of {@code stream}, oldest first ({@code startFromHead=true}) and newest first
   * (the default), alternating, {@code reps} times each after {@link #FIRST_PAGE_WARMUP} unmeasured pairs.
   */
  static List<Result> firstPage(CloudWatchLogsClient logs, String group, String stream, String streamNote,
      int reps, int limit) {
    Latencies head = new Latencies();
    Latencies tail = new Latencies();
    long[] headPage = new long[2];
    long[] tailPage = new long[2];
    for (int i = 0; i < FIRST_PAGE_WARMUP + reps; i++) {
      boolean measured = i >= FIRST_PAGE_WARMUP;
      page(logs, group, stream, true, limit, measured ? head : null, headPage);
      page(logs, group, stream, false, limit, measured ? tail : null, tailPage);
    }
    return List.of(
        new Result("GetLogEvents first page, oldest first (startFromHead=true)",
            pageNote(stream, streamNote, headPage), Double.NaN, Double.NaN, head.summary()),
        new Result("GetLogEvents first page, newest first (default)",
            pageNote(stream, streamNote, tailPage), Double.NaN, Double.NaN, tail.summary()));
  }

  private static void page(CloudWatchLogsClient logs, String group, String stream, boolean fromHead, int limit,
      Latencies into, long[] eventsAndBytes) {
    long t0 = System.nanoTime();
    GetLogEventsResponse page = logs.getLogEvents(r -> r.logGroupName(group).logStreamName(stream)
        .startFromHead(fromHead).limit(limit > 0 ? limit : null));
    long nanos = System.nanoTime() - t0;
    if (into != null) {
      into.add(nanos);
    }
    eventsAndBytes[0] = page.events().size();
    eventsAndBytes[1] = messageBytes(page.events());
  }

  private static String pageNote(String stream, String streamNote, long[] eventsAndBytes) {
    return String.format(Locale.ROOT, "%s%s: %,d events (%,d KB) per page", stream, streamNote, eventsAndBytes[0],
        eventsAndBytes[1] / 1024);
  }

  /** The FilterLogEvents workloads for this message shape. */
  static List<Result> searches(CloudWatchLogsClient logs, String group, LoadSettings.Shape shape,
      Optional<TimeRange> range, long scannedBytes) {
    List<Result> results = new ArrayList<>();
    results.add(search(logs, group, "rare term", MessagePool.RARE, range, scannedBytes));
    results.add(search(logs, group, "common term", "INFO", range, scannedBytes));
    switch (shape) {
      case JSON -> {
        results.add(search(logs, group, "JSON pattern, rare", "{ $.level = \"FATAL\" }", range, scannedBytes));
        results.add(search(logs, group, "JSON pattern, common", "{ $.status = 200 }", range, scannedBytes));
      }
      case ACCESS -> results.add(search(logs, group, "space-delimited, 1 in 20",
          "[ip, identity, user, timestamp, request, status = 500, ...]", range, scannedBytes));
      case TEXT -> { }
    }
    return results;
  }

  /**
   * FilterLogEvents over the group (or {@code range}), paging until there is no next token; MB/s is
   * {@code scannedBytes} (the message bytes stored in the range, NaN if unknown) per second.
   */
  static Result search(CloudWatchLogsClient logs, String group, String label, String pattern,
      Optional<TimeRange> range, long scannedBytes) {
    long matched = 0;
    Latencies lat = new Latencies();
    long started = System.nanoTime();
    String token = null;
    do {
      FilterLogEventsRequest.Builder request = FilterLogEventsRequest.builder().logGroupName(group)
          .filterPattern(pattern).nextToken(token);
      range.ifPresent(t -> request.startTime(t.startMillis()).endTime(t.endMillis()));
      long t0 = System.nanoTime();
      FilterLogEventsResponse page = logs.filterLogEvents(request.build());
      lat.add(System.nanoTime() - t0);
      matched += page.events().size();
      token = page.nextToken();
    } while (token != null);
    double seconds = (System.nanoTime() - started) / 1e9;
    String detail = String.format(Locale.ROOT, "%,d matched, %d pages, %.2f s%s", matched, lat.summary().count(),
        seconds, range.map(t -> String.format(Locale.ROOT, ", time range %d..%d", t.startMillis(), t.endMillis()))
            .orElse(""));
    return new Result("FilterLogEvents " + label + " " + pattern, detail, matched / seconds,
        scannedBytes > 0 ? scannedBytes / seconds / 1e6 : Double.NaN, lat.summary());
  }

  /** The group's stored bytes as DescribeLogGroups reports them (0 if it does not, as AWS now does not). */
  static long storedBytes(CloudWatchLogsClient logs, String group) {
    for (LogGroup g : logs.describeLogGroupsPaginator(r -> r.logGroupNamePrefix(group)).logGroups()) {
      if (g.logGroupName().equals(group) && g.storedBytes() != null) {
        return g.storedBytes();
      }
    }
    return 0;
  }

  /** Oldest first-event and newest last-event timestamp over the group's streams; empty if none reported. */
  static Optional<TimeRange> timeSpan(CloudWatchLogsClient logs, String group) {
    long first = Long.MAX_VALUE;
    long last = Long.MIN_VALUE;
    for (LogStream st : logs.describeLogStreamsPaginator(r -> r.logGroupName(group)).logStreams()) {
      if (st.firstEventTimestamp() != null && st.lastEventTimestamp() != null) {
        first = Math.min(first, st.firstEventTimestamp());
        last = Math.max(last, st.lastEventTimestamp());
      }
    }
    return first <= last ? Optional.of(new TimeRange(first, last + 1)) : Optional.empty();
  }

  private static long messageBytes(List<OutputLogEvent> events) {
    long bytes = 0;
    for (OutputLogEvent e : events) {
      bytes += e.message().length();
    }
    return bytes;
  }
}
