package io.cwlogs.core;

import java.util.Map;

/**
 * A log group as the service keeps it (one document per group, scope {@code <tenant>/group}, id = name).
 *
 * @param id random 64-bit id; the storage key of the group's events, so a recreated group starts empty
 * @param retentionInDays 0 when events never expire
 * @param kmsKeyId empty when none is associated
 */
public record LogGroupMeta(
    long id,
    String name,
    long creationTime,
    int retentionInDays,
    String kmsKeyId,
    String logGroupClass,
    boolean deletionProtectionEnabled,
    Map<String, String> tags) {

  public LogGroupMeta {
    tags = Map.copyOf(tags);
  }

  public LogGroupMeta withRetention(int days) {
    return new LogGroupMeta(
        id, name, creationTime, days, kmsKeyId, logGroupClass, deletionProtectionEnabled, tags);
  }

  public LogGroupMeta withKmsKeyId(String keyId) {
    return new LogGroupMeta(
        id, name, creationTime, retentionInDays, keyId, logGroupClass, deletionProtectionEnabled, tags);
  }

  public LogGroupMeta withTags(Map<String, String> newTags) {
    return new LogGroupMeta(
        id, name, creationTime, retentionInDays, kmsKeyId, logGroupClass, deletionProtectionEnabled,
        newTags);
  }

  public LogGroupMeta withDeletionProtection(boolean enabled) {
    return new LogGroupMeta(
        id, name, creationTime, retentionInDays, kmsKeyId, logGroupClass, enabled, tags);
  }
}
