package io.cwlogs.core;

import java.time.Duration;
import java.util.Set;

/**
 * CloudWatch Logs' quotas and fixed limits, in one place, each with where AWS states it.
 *
 * <p>Sources: the PutLogEvents API reference (2024; seed 004), the CloudWatch Logs quotas page, and the
 * service model (botocore {@code logs/2014-03-28/service-2.json}); the model's own constraints (lengths,
 * patterns, list sizes) are enforced by {@link RequestValidator} instead and are not repeated here.
 */
public final class Limits {

  private Limits() {}

  /** PutLogEvents: the batch's size, counting each message's UTF-8 bytes plus {@link #EVENT_OVERHEAD_BYTES}. */
  public static final int MAX_BATCH_BYTES = 1_048_576;

  /** PutLogEvents: bytes added to each event's message when sizing a batch. */
  public static final int EVENT_OVERHEAD_BYTES = 26;

  /** PutLogEvents: events per batch (also the model's list max). */
  public static final int MAX_BATCH_EVENTS = 10_000;

  /** PutLogEvents: the largest event, 1 MB since AWS raised it from 256 KB; message bytes + overhead. */
  public static final int MAX_EVENT_BYTES = 1_048_576;

  /** PutLogEvents: a batch may not span more than this between its oldest and newest event. */
  public static final Duration MAX_BATCH_SPAN = Duration.ofHours(24);

  /** PutLogEvents: events further in the future than this are rejected as too new. */
  public static final Duration MAX_FUTURE = Duration.ofHours(2);

  /** PutLogEvents: events older than this are rejected as too old. */
  public static final Duration MAX_PAST = Duration.ofDays(14);

  /** GetLogEvents and FilterLogEvents: a page holds at most this many events by default and at most. */
  public static final int MAX_EVENTS_PER_PAGE = 10_000;

  /** GetLogEvents and FilterLogEvents: a page holds at most this many bytes of events. */
  public static final int MAX_PAGE_BYTES = 1_048_576;

  /** DescribeLogGroups, DescribeLogStreams and most listings: default and maximum page size. */
  public static final int DEFAULT_DESCRIBE_LIMIT = 50;

  /** ListLogGroups: default and maximum page size. */
  public static final int DEFAULT_LIST_LOG_GROUPS_LIMIT = 1000;

  /** Log groups per account and region (quotas page: 1,000,000). */
  public static final int MAX_LOG_GROUPS = 1_000_000;

  /** Tags per log group or resource. */
  public static final int MAX_TAGS = 50;

  /** Log group and stream names: AWS answers longer names with its own message before the model's. */
  public static final int MAX_NAME_LENGTH = 512;

  /** PutRetentionPolicy: the only values retentionInDays may take. */
  public static final Set<Integer> RETENTION_DAYS =
      Set.of(
          1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922,
          3288, 3653);

  /** Metric filters per log group (quotas page). */
  public static final int MAX_METRIC_FILTERS_PER_GROUP = 100;

  /** Filters (metric and subscription) whose pattern uses a regex, per log group (filter pattern syntax page). */
  public static final int MAX_REGEX_FILTERS_PER_GROUP = 5;

  /** Subscription filters per log group (quotas page). */
  public static final int MAX_SUBSCRIPTION_FILTERS_PER_GROUP = 2;

  /** Account-level resource policies per account and region (quotas page; PutResourcePolicy reference). */
  public static final int MAX_RESOURCE_POLICIES = 10;

  /**
   * Characters of a resource policy document (quotas page: 5,120; the service model's member allows
   * 51,200, and AWS enforces the quota).
   */
  public static final int MAX_RESOURCE_POLICY_CHARS = 5120;

  /** Active (PENDING or RUNNING) export tasks per account and region (CreateExportTask reference). */
  public static final int MAX_ACTIVE_EXPORT_TASKS = 1;

  // ---- Logs Insights API (StartQuery and friends); the language's own bounds are in cwlogs-insights ----

  /** StartQuery: log groups in {@code logGroupNames} or {@code logGroupIdentifiers} (API model). */
  public static final int MAX_QUERY_LOG_GROUPS = 50;

  /** StartQuery: queries scheduled or running at once per account (API model; older quotas: 10, 20). */
  public static final int MAX_CONCURRENT_QUERIES = 30;

  /** StartQuery: a query still running after this times out (API model; 2022 docs: 15 minutes). */
  public static final Duration QUERY_TIMEOUT = Duration.ofMinutes(60);

  /** GetQueryResults: how long a finished query's results can be fetched (2022 quota table). */
  public static final Duration QUERY_RESULTS_RETENTION = Duration.ofDays(7);

  /**
   * Finished queries whose results the service keeps in memory, across tenants; the oldest go first
   * (ours: results live in memory, up to 10,000 rows each, so the count bounds the memory).
   */
  public static final int MAX_RETAINED_QUERIES = 500;

  /** SOURCE logGroups(namePrefix: [...]): at most this many prefixes (SOURCE page). */
  public static final int MAX_SOURCE_NAME_PREFIXES = 5;

  /** SOURCE logGroups(...): matching more log groups than this is an error (SOURCE page). */
  public static final int MAX_SOURCE_LOG_GROUPS = 10_000;

  /** GetLogGroupFields without {@code time}: the window searched up to now (API reference). */
  public static final Duration LOG_GROUP_FIELDS_WINDOW = Duration.ofMinutes(15);

  /** GetLogGroupFields with {@code time}: searched this long before and after it (API reference). */
  public static final Duration LOG_GROUP_FIELDS_AROUND = Duration.ofMinutes(8);

  /** GetLogGroupFields: the newest events of the window that are sampled (ours). */
  public static final int LOG_GROUP_FIELDS_SAMPLE = 10_000;

  /** Query definitions per account and region (quotas page: 1,000). */
  public static final int MAX_QUERY_DEFINITIONS = 1_000;
}
