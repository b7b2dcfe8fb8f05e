package io.cwlogs.core;

/** AWS's {@code UnknownOperationException}: HTTP 400. */
public final class UnknownOperationException extends LogsException {

  public UnknownOperationException(String message) {
    super(message, 400);
  }
}
