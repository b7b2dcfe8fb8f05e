package io.cwlogs.core;

/**
 * An export task as the service keeps it (scope {@code <tenant>/export-task}, id = task id).
 *
 * @param status PENDING, RUNNING, COMPLETED, CANCELLED or FAILED
 * @param completionTime 0 until the task ends
 */
public record ExportTaskMeta(
    String taskId,
    String taskName,
    String logGroupName,
    long groupId,
    String logStreamNamePrefix,
    long from,
    long to,
    String destination,
    String destinationPrefix,
    String status,
    String message,
    long creationTime,
    long completionTime) {

  static String scope(Tenant tenant) {
    return tenant.scope("export-task");
  }

  boolean active() {
    return status.equals("PENDING") || status.equals("RUNNING");
  }

  ExportTaskMeta with(String newStatus, String newMessage, long newCompletionTime) {
    return new ExportTaskMeta(
        taskId, taskName, logGroupName, groupId, logStreamNamePrefix, from, to, destination, destinationPrefix,
        newStatus, newMessage, creationTime, newCompletionTime);
  }
}
