package io.cwlogs.core;

import io.cwlogs.core.spi.ScanRange;
import io.cwlogs.insights.QueryEvent;
import io.cwlogs.insights.QueryExecution;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.cloudwatchlogs.model.QueryStatus;

/**
 * The scan behind one Insights query, run on a pool thread: every stream of the query's groups that
 * can hold events of the range, merged newest first by {@link GroupScan} (read ahead on the
 * {@link ScanWorkers} when the range holds enough data), fed to the query's execution until it wants
 * no more, the range ends, the query is stopped or it times out.
 *
 * <p>The streams of all groups go into one merge (a stream's key carries its group), so rows without
 * a {@code sort} come newest first across groups, as AWS's default order is. Streams whose first/last
 * event timestamps miss the range are never opened. Each event carries an {@code @ptr}
 * ({@link RecordPointer}) only when the query can show one.
 */
final class QueryRunner {

  private static final Logger LOG = LoggerFactory.getLogger(QueryRunner.class);

  /** How often (in events) an unthrottled scan looks at the clock for its timeout. */
  private static final int CLOCK_EVERY = 1024;

  private final Catalog catalog;
  private final LongSupplier wallClock;
  private final ScanWorkers workers;

  QueryRunner(Catalog catalog, LongSupplier wallClock, ScanWorkers workers) {
    this.catalog = catalog;
    this.wallClock = wallClock;
    this.workers = workers;
  }

  /** Runs the query to its end; never throws. */
  void run(QueryRun query, Duration timeout, Duration delayPerEvent) {
    Optional<QueryExecution> started = query.begin(System.nanoTime());
    if (started.isEmpty()) {
      return; // stopped while scheduled
    }
    QueryExecution execution = started.get();
    long deadline = query.startedNanos() + timeout.toNanos();
    long delay = delayPerEvent.toNanos();
    QueryStatus outcome = QueryStatus.COMPLETE;
    try {
      Map<Long, LogGroupMeta> groups = new HashMap<>();
      List<LogStreamMeta> streams = new ArrayList<>();
      for (LogGroupMeta group : query.logGroups) {
        groups.put(group.id(), group);
        catalog.forEachStream(query.tenant, group.id(), streams::add);
      }
      // With enough data, workers read and decode the streams ahead while this thread runs the query.
      ScanRange range = new ScanRange(query.from, query.toExclusive, true, Optional.empty());
      try (GroupScan scan = new GroupScan(catalog.store(), streams, range, Optional.empty(), workers)) {
        long n = 0;
        while (scan.hasNext()) {
          if (!query.isActive()) {
            return; // stopped: StopQuery already set the status
          }
          if ((delay > 0 || ++n % CLOCK_EVERY == 0) && System.nanoTime() - deadline > 0) {
            outcome = QueryStatus.TIMEOUT;
            break;
          }
          if (delay > 0) {
            pause(query, delay);
          }
          GroupScan.Item item = scan.next();
          execution.accept(event(query, groups.get(item.stream().groupId()), item));
          if (!execution.wantsMore()) {
            break;
          }
        }
      }
    } catch (RuntimeException e) {
      LOG.error("query {} failed", query.queryId, e);
      outcome = QueryStatus.FAILED;
    }
    query.finish(outcome, wallClock.getAsLong());
  }

  /** The test-only delay, cut short when the query is stopped. */
  private static void pause(QueryRun query, long nanos) {
    long until = System.nanoTime() + nanos;
    long left;
    while ((left = until - System.nanoTime()) > 0 && query.isActive()) {
      LockSupport.parkNanos(Math.min(left, 5_000_000));
    }
  }

  private static QueryEvent event(QueryRun query, LogGroupMeta group, GroupScan.Item item) {
    String account = query.tenant.account();
    String ptr = "";
    if (query.needsPointers) {
      ptr =
          new RecordPointer(
                  account, group.name(), item.stream().name(), group.id(), item.stream().id(),
                  item.event().timestamp(), item.event().sequence())
              .encode();
    }
    return new QueryEvent(
        item.event().timestamp(), item.event().ingestionTime(), group.name(), account,
        item.stream().name(), item.event().message(), ptr);
  }
}
