package io.cwlogs.core;

import io.cwlogs.insights.ExecutionOptions;
import io.cwlogs.insights.InsightsQuery;
import io.cwlogs.insights.ResultField;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;
import software.amazon.awssdk.services.cloudwatchlogs.model.DescribeQueriesRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.DescribeQueriesResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.GetQueryResultsRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.GetQueryResultsResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.QueryInfo;
import software.amazon.awssdk.services.cloudwatchlogs.model.QueryLanguage;
import software.amazon.awssdk.services.cloudwatchlogs.model.QueryStatistics;
import software.amazon.awssdk.services.cloudwatchlogs.model.QueryStatus;
import software.amazon.awssdk.services.cloudwatchlogs.model.StartQueryRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.StartQueryResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.StopQueryRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.StopQueryResponse;

/**
 * Logs Insights queries: StartQuery, GetQueryResults, StopQuery and DescribeQueries.
 *
 * <p>StartQuery checks everything it can at once (the groups exist, the range, the query compiles)
 * and answers with a UUID; a bounded pool ({@link Settings#threads}) then runs the scan
 * ({@link QueryRunner}) while GetQueryResults polls partial results. Queries live in memory only:
 * a restart forgets them. Finished ones are kept for {@link Settings#retention}, at most
 * {@link Settings#retainedQueries} across tenants, oldest dropped first.
 */
public final class InsightsQueries implements AutoCloseable {

  /**
   * How queries run.
   *
   * @param threads pool threads scanning queries; more queries wait as Scheduled
   * @param maxConcurrent queries scheduled or running at once per account
   * @param timeout a query running longer ends as Timeout
   * @param retention how long a finished query's results stay
   * @param retainedQueries finished queries kept in memory
   * @param delayPerEvent for tests only: a pause before each scanned event, so that running,
   *     cancelled and timed-out queries can be observed on small data; zero in service
   */
  public record Settings(
      int threads, int maxConcurrent, Duration timeout, Duration retention, int retainedQueries,
      Duration delayPerEvent) {

    public static Settings defaults() {
      return new Settings(
          2, Limits.MAX_CONCURRENT_QUERIES, Limits.QUERY_TIMEOUT, Limits.QUERY_RESULTS_RETENTION,
          Limits.MAX_RETAINED_QUERIES, Duration.ZERO);
    }

    public Settings withTimeout(Duration t) {
      return new Settings(threads, maxConcurrent, t, retention, retainedQueries, delayPerEvent);
    }

    public Settings withDelayPerEvent(Duration d) {
      return new Settings(threads, maxConcurrent, timeout, retention, retainedQueries, d);
    }
  }

  private final Catalog catalog;
  private final LongSupplier clock;
  private final QueryRunner runner;
  private final ThreadPoolExecutor pool;
  private final Map<String, QueryRun> queries = new ConcurrentHashMap<>();
  private volatile Settings settings;

  /**
   * @param workers where queries' scans read ahead; the caller owns and closes them
   */
  public InsightsQueries(Catalog catalog, LongSupplier clock, Settings settings, ScanWorkers workers) {
    this.catalog = catalog;
    this.clock = clock;
    this.settings = settings;
    this.runner = new QueryRunner(catalog, clock, workers);
    AtomicInteger n = new AtomicInteger();
    this.pool =
        new ThreadPoolExecutor(
            settings.threads(), settings.threads(), 0, TimeUnit.MILLISECONDS,
            new LinkedBlockingQueue<>(),
            r -> {
              Thread t = new Thread(r, "cwlogs-insights-" + n.incrementAndGet());
              t.setDaemon(true);
              return t;
            });
  }

  public void register(OperationTable table) {
    table.on(StartQueryRequest.class, this::start);
    table.on(GetQueryResultsRequest.class, this::results);
    table.on(StopQueryRequest.class, this::stop);
    table.on(DescribeQueriesRequest.class, this::describe);
  }

  /** Changes how later queries run (tests shorten the timeout or slow scans down). */
  public void settings(Settings newSettings) {
    this.settings = newSettings;
  }

  public Settings settings() {
    return settings;
  }

  // ---- StartQuery ----

  StartQueryResponse start(RequestContext ctx, StartQueryRequest request) {
    Settings s = settings;
    if (request.queryLanguage() != null && request.queryLanguage() != QueryLanguage.CWLI) {
      throw new InvalidParameterException(
          "Query language " + request.queryLanguageAsString() + " is not supported by this service.");
    }
    String text = request.queryString();
    Optional<QuerySource> source = QuerySource.parse(text);
    long start = request.startTime();
    long end = request.endTime();
    if (end < start) {
      throw new InvalidParameterException("endTime must be greater than or equal to startTime.");
    }
    int limit = Optional.ofNullable(request.limit()).orElse(io.cwlogs.insights.Limits.DEFAULT_RESULT_LIMIT);
    if (limit > io.cwlogs.insights.Limits.MAX_RESULT_LIMIT) {
      throw new InvalidParameterException(
          "1 validation error detected: Value '" + limit + "' at 'limit' failed to satisfy constraint: "
              + "Member must have value less than or equal to " + io.cwlogs.insights.Limits.MAX_RESULT_LIMIT);
    }
    InsightsQuery query = compile(source.map(QuerySource::rest).orElse(text));
    List<LogGroupMeta> groups = QueryGroups.resolve(catalog, ctx, request, source);
    boolean pointers = !query.isAggregation() || query.fieldsReferenced().contains("@ptr");

    evictFinished(s);
    String id = UUID.randomUUID().toString();
    QueryRun run =
        new QueryRun(
            id, ctx.tenant(), rewritten(groups, start, end, source.map(QuerySource::rest).orElse(text)),
            groups, millis(start), millis(end) + 1000, ctx.now(),
            query.newExecution(new ExecutionOptions(limit)), pointers);
    synchronized (this) {
      long active =
          queries.values().stream()
              .filter(q -> q.tenant.account().equals(ctx.tenant().account()) && q.isActive())
              .count();
      if (active >= s.maxConcurrent()) {
        throw new LimitExceededException(
            "Account maximum query concurrency limit of [" + s.maxConcurrent() + "] reached.");
      }
      queries.put(id, run);
    }
    pool.execute(() -> runner.run(run, settings.timeout(), settings.delayPerEvent()));
    return StartQueryResponse.builder().queryId(id).build();
  }

  /** Epoch seconds to milliseconds, saturating instead of overflowing. */
  private static long millis(long seconds) {
    return seconds > Long.MAX_VALUE / 1000 - 1 ? Long.MAX_VALUE - 1000 : seconds * 1000;
  }

  private static InsightsQuery compile(String text) {
    try {
      return InsightsQuery.parse(text);
    } catch (io.cwlogs.insights.MalformedQueryException e) {
      throw new MalformedQueryException(
          new MalformedQueryException.CompileError(e.detail(), e.startCharOffset(), e.endCharOffset()));
    }
  }

  /**
   * The query string as DescribeQueries shows it: AWS prefixes the groups and the range in
   * milliseconds, the end second up to its .999 ({@code SOURCE "g" START=<s>000 END=<e>999 | q}).
   */
  static String rewritten(List<LogGroupMeta> groups, long start, long end, String query) {
    StringBuilder b = new StringBuilder("SOURCE");
    for (LogGroupMeta g : groups) {
      b.append(" \"").append(g.name()).append('"');
    }
    return b.append(" START=").append(start).append("000 END=").append(end).append("999 | ")
        .append(query.strip()).toString();
  }

  // ---- GetQueryResults ----

  GetQueryResultsResponse results(RequestContext ctx, GetQueryResultsRequest request) {
    QueryRun run = find(ctx, request.queryId());
    QueryRun.Snapshot snapshot = run.snapshot();
    List<List<software.amazon.awssdk.services.cloudwatchlogs.model.ResultField>> rows = new ArrayList<>();
    for (List<ResultField> row : snapshot.results()) {
      List<software.amazon.awssdk.services.cloudwatchlogs.model.ResultField> out = new ArrayList<>(row.size());
      for (ResultField f : row) {
        out.add(software.amazon.awssdk.services.cloudwatchlogs.model.ResultField.builder()
            .field(f.field()).value(f.value()).build());
      }
      rows.add(out);
    }
    long[] c = snapshot.counters();
    QueryStatistics statistics =
        QueryStatistics.builder()
            .recordsMatched((double) c[0])
            .recordsScanned((double) c[1])
            .estimatedRecordsSkipped(0.0)
            .bytesScanned((double) c[2])
            .estimatedBytesSkipped(0.0)
            .logGroupsScanned((double) run.logGroups.size())
            .build();
    return GetQueryResultsResponse.builder()
        .queryLanguage(QueryLanguage.CWLI)
        .results(rows)
        .statistics(statistics)
        .status(snapshot.status())
        .build();
  }

  // ---- StopQuery ----

  StopQueryResponse stop(RequestContext ctx, StopQueryRequest request) {
    QueryRun run = find(ctx, request.queryId());
    if (!run.finish(QueryStatus.CANCELLED, ctx.now())) {
      throw new InvalidParameterException(
          "Query " + run.queryId + " is not running; its status is " + run.status() + ".");
    }
    return StopQueryResponse.builder().success(true).build();
  }

  // ---- DescribeQueries ----

  DescribeQueriesResponse describe(RequestContext ctx, DescribeQueriesRequest request) {
    int max = Optional.ofNullable(request.maxResults()).orElse(1000);
    Optional<String> after = Optional.ofNullable(request.nextToken()).map(t -> PageTokens.decode("dq", t));
    List<QueryRun> mine =
        queries.values().stream()
            .filter(q -> q.tenant.equals(ctx.tenant()))
            .filter(q -> request.logGroupName() == null
                || q.logGroups.stream().anyMatch(g -> g.name().equals(request.logGroupName())))
            .filter(q -> request.status() == null || q.status() == request.status())
            .sorted(NEWEST_FIRST)
            .toList();
    List<QueryInfo> page = new ArrayList<>();
    Optional<String> next = Optional.empty();
    boolean skipping = after.isPresent();
    for (QueryRun q : mine) {
      if (skipping) {
        skipping = !position(q).equals(after.get());
        continue;
      }
      if (page.size() == max) {
        next = Optional.of(PageTokens.encode("dq", position(page.get(page.size() - 1))));
        break;
      }
      page.add(info(q));
    }
    if (skipping) {
      throw PageTokens.invalid(); // the token's query is gone (or never was)
    }
    return DescribeQueriesResponse.builder().queries(page).nextToken(next.orElse(null)).build();
  }

  private static final Comparator<QueryRun> NEWEST_FIRST =
      Comparator.<QueryRun>comparingLong(q -> q.createTime).reversed().thenComparing(q -> q.queryId);

  private static String position(QueryInfo info) {
    return info.createTime() + ":" + info.queryId();
  }

  private static String position(QueryRun q) {
    return q.createTime + ":" + q.queryId;
  }

  private static QueryInfo info(QueryRun q) {
    return QueryInfo.builder()
        .queryLanguage(QueryLanguage.CWLI)
        .queryId(q.queryId)
        .queryString(q.queryString)
        .status(q.status())
        .createTime(q.createTime)
        .logGroupName(q.logGroups.isEmpty() ? null : q.logGroups.get(0).name())
        .build();
  }

  // ---- bookkeeping ----

  private QueryRun find(RequestContext ctx, String queryId) {
    QueryRun run = queries.get(queryId);
    if (run == null || !run.tenant.equals(ctx.tenant())) {
      throw new ResourceNotFoundException("Query does not exist.");
    }
    return run;
  }

  /** Drops finished queries past their retention, then the oldest beyond the count. */
  private void evictFinished(Settings s) {
    long cutoff = clock.getAsLong() - s.retention().toMillis();
    List<QueryRun> finished = new ArrayList<>();
    for (QueryRun q : queries.values()) {
      if (!q.isActive()) {
        if (q.finishTime() < cutoff) {
          queries.remove(q.queryId);
        } else {
          finished.add(q);
        }
      }
    }
    if (finished.size() >= s.retainedQueries()) {
      finished.sort(Comparator.comparingLong(QueryRun::finishTime));
      for (QueryRun q : finished.subList(0, finished.size() - s.retainedQueries() + 1)) {
        queries.remove(q.queryId);
      }
    }
  }

  @Override
  public void close() {
    pool.shutdownNow();
  }
}
