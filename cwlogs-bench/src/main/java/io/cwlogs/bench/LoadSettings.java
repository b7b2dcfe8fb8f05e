package io.cwlogs.bench;

import io.cwlogs.core.Limits;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The load generator's command line: what to ingest, how fast, and which query workloads to run.
 *
 * <p>Every option takes a value ({@code --name value}); {@link LoadGenerator}'s javadoc lists them.
 *
 * @param seconds ingest duration; 0 = no time limit (then {@code events} bounds the run)
 * @param events events to ingest in total; 0 = no count limit (then {@code seconds} bounds it)
 * @param rate target events/s across all threads; 0 = as fast as the endpoint answers (closed loop)
 * @param group log group to use; empty = a fresh {@code /load/<uuid>} per endpoint, deleted after the queries
 * @param stream stream for the GetLogEvents workloads; empty = the largest one ingested, else {@code stream-0}
 * @param firstPage repetitions of each first-page request (0 = that workload is off)
 * @param pageLimit {@code limit} for the first-page requests; 0 = the server's default page
 * @param filterFrom start of the FilterLogEvents time range, as a fraction of the ingested time span
 * @param filterTo end of that range; {@code 0,1} = no startTime/endTime at all (the whole group)
 * @param warmupSeconds unmeasured ingest into a throwaway group before the measured one, per endpoint
 */
record LoadSettings(
    List<String> endpoints, int threads, int streams, int batch, int messageBytes, Shape shape,
    boolean wordPadding, long seconds, long events, double rate, boolean ingest, Optional<String> group,
    Optional<String> stream, Set<Query> queries, int firstPage, int pageLimit, double filterFrom,
    double filterTo, int warmupSeconds) {

  /** What the generated messages look like. */
  enum Shape { TEXT, JSON, ACCESS }

  /** The query workloads that run after the ingest. */
  enum Query {
    /** GetLogEvents paging through one stream from the head. */
    READ,
    /** FilterLogEvents over the group: rare term, common term, and a JSON or space-delimited pattern. */
    FILTER,
    /** GetLogEvents first page, oldest first and newest first, repeated. */
    FIRST_PAGE
  }

  /** Bytes AWS counts for one batch of {@code events} messages of {@code messageBytes} UTF-8 bytes each. */
  static long batchBytes(int events, int messageBytes) {
    return (long) events * (messageBytes + Limits.EVENT_OVERHEAD_BYTES);
  }

  /** The same ingest for {@code warmupSeconds}, whatever {@code --events} says. */
  LoadSettings warmup() {
    return new LoadSettings(endpoints, threads, streams, batch, messageBytes, shape, wordPadding, warmupSeconds, 0,
        rate, true, Optional.empty(), Optional.empty(), Set.of(), 0, 0, 0, 1, 0);
  }

  boolean paced() {
    return rate > 0;
  }

  boolean rangeFiltered() {
    return filterFrom > 0 || filterTo < 1;
  }

  static LoadSettings parse(String[] args) {
    List<String> endpoints = new ArrayList<>();
    Map<String, String> v = new LinkedHashMap<>();
    for (String[] d : new String[][] {
        {"--threads", "4"}, {"--streams", ""}, {"--batch", "1000"}, {"--message-bytes", "200"},
        {"--shape", "text"}, {"--padding", "letters"}, {"--seconds", ""}, {"--events", "0"}, {"--rate", "0"},
        {"--ingest", "true"}, {"--group", ""}, {"--stream", ""}, {"--queries", "true"}, {"--first-page", "0"},
        {"--page-limit", "0"}, {"--filter-range", "0,1"}, {"--warmup", "0"}}) {
      v.put(d[0], d[1]);
    }
    for (int i = 0; i < args.length; i += 2) {
      if (i + 1 >= args.length) {
        throw new IllegalArgumentException("option " + args[i] + " needs a value");
      }
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
    int threads = Integer.parseInt(v.get("--threads"));
    int streams = v.get("--streams").isEmpty() ? threads : Integer.parseInt(v.get("--streams"));
    if (threads < 1 || streams < 1 || streams > threads) {
      throw new IllegalArgumentException("need 1 <= --streams <= --threads (thread t writes stream t mod streams)");
    }
    long events = Long.parseLong(v.get("--events"));
    // --events alone means "exactly that many, however long it takes"; otherwise 20 s as before.
    long seconds = !v.get("--seconds").isEmpty() ? Long.parseLong(v.get("--seconds")) : events > 0 ? 0 : 20;
    int messageBytes = Integer.parseInt(v.get("--message-bytes"));
    int batch = cappedBatch(Integer.parseInt(v.get("--batch")), messageBytes);
    boolean ingest = Boolean.parseBoolean(v.get("--ingest"));
    Optional<String> group = Optional.of(v.get("--group")).filter(g -> !g.isEmpty());
    if (!ingest && group.isEmpty()) {
      throw new IllegalArgumentException("--ingest false needs --group NAME (the group an earlier run filled)");
    }
    int firstPage = Integer.parseInt(v.get("--first-page"));
    Set<Query> queries = queries(v.get("--queries"), firstPage);
    if (queries.contains(Query.FIRST_PAGE) && firstPage == 0) {
      firstPage = 100;
    }
    String[] range = v.get("--filter-range").split(",");
    double from = range.length == 2 ? Double.parseDouble(range[0]) : -1;
    double to = range.length == 2 ? Double.parseDouble(range[1]) : -1;
    if (from < 0 || to > 1 || from >= to) {
      throw new IllegalArgumentException("--filter-range FROM,TO: fractions of the ingested time span, 0 <= FROM < TO <= 1");
    }
    return new LoadSettings(endpoints, threads, streams, batch, messageBytes,
        Shape.valueOf(v.get("--shape").toUpperCase(Locale.ROOT)), v.get("--padding").equals("words"), seconds, events,
        Double.parseDouble(v.get("--rate")), ingest, group, Optional.of(v.get("--stream")).filter(x -> !x.isEmpty()),
        queries, firstPage, Integer.parseInt(v.get("--page-limit")), from, to, Integer.parseInt(v.get("--warmup")));
  }

  /** {@code --queries true|false|read,filter,first-page}: true = read and filter, plus first-page if asked for. */
  private static Set<Query> queries(String value, int firstPage) {
    Set<Query> queries = EnumSet.noneOf(Query.class);
    switch (value) {
      case "true" -> {
        queries.add(Query.READ);
        queries.add(Query.FILTER);
        if (firstPage > 0) {
          queries.add(Query.FIRST_PAGE);
        }
      }
      case "false", "none" -> { }
      default -> {
        for (String q : value.split(",")) {
          queries.add(Query.valueOf(q.trim().replace('-', '_').toUpperCase(Locale.ROOT)));
        }
      }
    }
    return queries;
  }

  /** The batch size, reduced (with a warning) to what one PutLogEvents call may carry. */
  private static int cappedBatch(int batch, int messageBytes) {
    int byBytes = (int) (Limits.MAX_BATCH_BYTES / (messageBytes + Limits.EVENT_OVERHEAD_BYTES));
    int max = Math.min(Limits.MAX_BATCH_EVENTS, byBytes);
    if (batch > max) {
      System.err.printf(Locale.ROOT, "warning: --batch %d of %d-byte messages is %,d bytes as AWS counts them "
          + "(UTF-8 + %d per event), over the %,d-byte or %,d-event PutLogEvents limit; using %d%n", batch, messageBytes,
          batchBytes(batch, messageBytes), Limits.EVENT_OVERHEAD_BYTES, Limits.MAX_BATCH_BYTES, Limits.MAX_BATCH_EVENTS,
          max);
      return max;
    }
    return batch;
  }
}
