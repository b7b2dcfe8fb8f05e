package io.cwlogs.client;

/**
 * A snapshot of a {@link LogShipper}'s counters. Every offered event ends in exactly one of {@code
 * sent}, {@code rejected}, {@code failed} or {@code dropped}, or is still queued or spooled.
 *
 * @param offered events passed to {@code offer}
 * @param sent events the service accepted
 * @param rejected events the service rejected by timestamp, or the client refused as oversize
 * @param failed events in batches that failed permanently (a 400 other than throttling)
 * @param dropped events lost to a full queue, a full spool, or a close deadline
 * @param retried request attempts repeated after throttling, 5xx or I/O errors
 * @param spooled events written to the spool (they count again as sent when delivered from it)
 * @param queueDepth events waiting in memory now
 * @param spoolSegments batches waiting on disk now
 */
public record ShipperMetrics(
    long offered,
    long sent,
    long rejected,
    long failed,
    long dropped,
    long retried,
    long spooled,
    long queueDepth,
    long spoolSegments) {}
