package io.cwlogs.core;

/** AWS's {@code InvalidParameterException}: HTTP 400. */
public final class InvalidParameterException extends LogsException {

  public InvalidParameterException(String message) {
    super(message, 400);
  }
}
