package io.cwlogs.core;

/** AWS's {@code InvalidOperationException}: HTTP 400. */
public final class InvalidOperationException extends LogsException {

  public InvalidOperationException(String message) {
    super(message, 400);
  }
}
