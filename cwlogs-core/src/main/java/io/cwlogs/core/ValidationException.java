package io.cwlogs.core;

/** AWS's {@code ValidationException}: HTTP 400. */
public final class ValidationException extends LogsException {

  public ValidationException(String message) {
    super(message, 400);
  }
}
