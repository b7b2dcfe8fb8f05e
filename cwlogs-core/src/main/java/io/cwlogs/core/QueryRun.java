package io.cwlogs.core;

import io.cwlogs.insights.QueryExecution;
import io.cwlogs.insights.ResultField;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.services.cloudwatchlogs.model.QueryStatus;

/**
 * One Logs Insights query the service was asked to run: what it reads, its execution and its
 * status, shared between the pool thread that scans and the requests that poll or stop it.
 *
 * <p>Status moves Scheduled → Running → Complete, Failed, Cancelled or Timeout, and never back; each
 * transition is one synchronized step, so a StopQuery racing the end of a scan either cancels it or
 * finds it finished. Once finished, the results are frozen and the execution's state is dropped.
 *
 * @param logGroups the groups scanned, in the order given
 * @param from first millisecond of the range, inclusive
 * @param toExclusive end of the range, exclusive ({@code endTime * 1000 + 1000})
 */
final class QueryRun {

  final String queryId;
  final Tenant tenant;
  final String queryString;
  final List<LogGroupMeta> logGroups;
  final long from;
  final long toExclusive;
  final long createTime;
  final boolean needsPointers;

  private QueryExecution execution;
  private QueryStatus status = QueryStatus.SCHEDULED;
  private long startedNanos;
  private long finishTime;
  private List<List<ResultField>> frozenResults;
  private long recordsScanned;
  private long recordsMatched;
  private long bytesScanned;

  QueryRun(
      String queryId, Tenant tenant, String queryString, List<LogGroupMeta> logGroups, long from,
      long toExclusive, long createTime, QueryExecution execution, boolean needsPointers) {
    this.queryId = queryId;
    this.tenant = tenant;
    this.queryString = queryString;
    this.logGroups = List.copyOf(logGroups);
    this.from = from;
    this.toExclusive = toExclusive;
    this.createTime = createTime;
    this.execution = execution;
    this.needsPointers = needsPointers;
  }

  /** The execution to feed, or empty when the query was stopped before it began. */
  synchronized Optional<QueryExecution> begin(long nanos) {
    if (status != QueryStatus.SCHEDULED) {
      return Optional.empty();
    }
    status = QueryStatus.RUNNING;
    startedNanos = nanos;
    return Optional.of(execution);
  }

  synchronized long startedNanos() {
    return startedNanos;
  }

  synchronized QueryStatus status() {
    return status;
  }

  synchronized boolean isActive() {
    return status == QueryStatus.SCHEDULED || status == QueryStatus.RUNNING;
  }

  /** Ends the query with {@code outcome} unless it already ended; returns whether it did. */
  synchronized boolean finish(QueryStatus outcome, long now) {
    if (!isActive()) {
      return false;
    }
    status = outcome;
    finishTime = now;
    frozenResults = execution.results();
    recordsScanned = execution.recordsScanned();
    recordsMatched = execution.recordsMatched();
    bytesScanned = execution.bytesScanned();
    execution = null;
    return true;
  }

  synchronized long finishTime() {
    return finishTime;
  }

  /** Status, rows and counters read together, so a finished status never comes with partial rows. */
  record Snapshot(QueryStatus status, List<List<ResultField>> results, long[] counters) {}

  synchronized Snapshot snapshot() {
    return new Snapshot(status, results(), counters());
  }

  /** The rows so far: partial while running, final once finished. */
  synchronized List<List<ResultField>> results() {
    return execution != null ? execution.results() : frozenResults;
  }

  /** recordsMatched, recordsScanned, bytesScanned so far. */
  synchronized long[] counters() {
    if (execution != null) {
      return new long[] {
        execution.recordsMatched(), execution.recordsScanned(), execution.bytesScanned()
      };
    }
    return new long[] {recordsMatched, recordsScanned, bytesScanned};
  }
}
