package io.cwlogs.core;

/** AWS's {@code OperationAbortedException}: HTTP 400. */
public final class OperationAbortedException extends LogsException {

  public OperationAbortedException(String message) {
    super(message, 400);
  }
}
