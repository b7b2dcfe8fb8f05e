package io.cwlogs.client;

import java.time.Duration;

/**
 * The CloudWatch Logs quotas that the client enforces before a request leaves the process.
 *
 * <p>Every number the client checks lives here, with its source, so that a change in the service's
 * quotas is a one-line change. Sources:
 *
 * <ul>
 *   <li>[PLE] PutLogEvents API reference, "The batch of events must satisfy the following
 *       constraints" (AWS API Reference, CloudWatch Logs, PutLogEvents).
 *   <li>[QUOTA] CloudWatch Logs quotas page: "Event size: 1 MB (maximum). This quota can't be
 *       changed." (raised from 256 KB in 2025; older servers and emulators still use 256 KB).
 * </ul>
 */
public final class Limits {
  private Limits() {}

  /** [PLE] Bytes added to each event's UTF-8 message length when sizing a batch. */
  public static final int EVENT_OVERHEAD_BYTES = 26;

  /** [PLE] Largest batch: sum of UTF-8 message bytes plus {@link #EVENT_OVERHEAD_BYTES} each. */
  public static final int MAX_BATCH_BYTES = 1_048_576;

  /** [PLE] Most events in one PutLogEvents request. */
  public static final int MAX_BATCH_EVENTS = 10_000;

  /** [PLE] Longest span between the first and last timestamp of one batch. */
  public static final Duration MAX_BATCH_SPAN = Duration.ofHours(24);

  /** [QUOTA] Largest event (message bytes plus overhead) on current servers: 1 MB. */
  public static final int MAX_EVENT_BYTES = 1_048_576;

  /** [PLE] Largest event on older servers: 256 KB, message bytes plus overhead. */
  public static final int LEGACY_MAX_EVENT_BYTES = 262_144;

  /** [PLE] Events further in the future than this are rejected as too new. */
  public static final Duration MAX_FUTURE = Duration.ofHours(2);

  /** [PLE] Events older than this (or than the group's retention) are rejected as too old. */
  public static final Duration MAX_PAST = Duration.ofDays(14);

  /** [CreateLogStream API] Longest log stream name, in characters. */
  public static final int MAX_STREAM_NAME_LENGTH = 512;

  /** [CreateLogGroup API] Longest log group name, in characters. */
  public static final int MAX_GROUP_NAME_LENGTH = 512;
}
