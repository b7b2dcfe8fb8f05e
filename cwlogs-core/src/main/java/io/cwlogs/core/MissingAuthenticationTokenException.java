package io.cwlogs.core;

/** AWS's {@code MissingAuthenticationTokenException}: HTTP 400. */
public final class MissingAuthenticationTokenException extends LogsException {

  public MissingAuthenticationTokenException(String message) {
    super(message, 400);
  }
}
