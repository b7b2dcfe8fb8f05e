package io.cwlogs.client;

/**
 * What {@link LogShipper#offer(LogEvent)} does when the queue is full. Every event not queued is
 * counted as dropped.
 */
public enum OverflowPolicy {
  /** Drop the event being offered; the caller never waits. The default. */
  DROP_NEWEST,
  /** Drop the oldest queued event to make room; the caller never waits. */
  DROP_OLDEST,
  /** Wait up to the shipper's block timeout for room, then drop the event being offered. */
  BLOCK
}
