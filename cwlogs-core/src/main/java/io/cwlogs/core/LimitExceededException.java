package io.cwlogs.core;

/** AWS's {@code LimitExceededException}: HTTP 400. */
public final class LimitExceededException extends LogsException {

  public LimitExceededException(String message) {
    super(message, 400);
  }
}
