package io.cwlogs.core;

import java.util.List;

/**
 * A subscription filter as the service keeps it (scope {@code <tenant>/subscription/<groupId>}, id = name).
 *
 * @param startSequence events whose sequence is at least this are delivered: the sequence clock's value
 *     when the filter was first put, so only events ingested afterwards flow, as in AWS
 * @param distribution {@code ByLogStream} or {@code Random}; decides the delivery's partition key
 */
public record SubscriptionFilterMeta(
    String filterName,
    String logGroupName,
    long groupId,
    String filterPattern,
    String destinationArn,
    String roleArn,
    String distribution,
    long creationTime,
    long startSequence,
    boolean applyOnTransformedLogs,
    String fieldSelectionCriteria,
    List<String> emitSystemFields) {

  public SubscriptionFilterMeta {
    emitSystemFields = List.copyOf(emitSystemFields);
  }

  /** Where the filter's per-stream delivery cursors live. */
  static String cursorScope(Tenant tenant, long groupId, String filterName) {
    return tenant.scope("subscription-cursor/" + Long.toUnsignedString(groupId, 36) + "/" + filterName);
  }

  static String scope(Tenant tenant, long groupId) {
    return tenant.scope("subscription/" + Long.toUnsignedString(groupId, 36));
  }
}
