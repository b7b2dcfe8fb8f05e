package io.cwlogs.core;

/** AWS's {@code AccessDeniedException}: HTTP 400. */
public final class AccessDeniedException extends LogsException {

  public AccessDeniedException(String message) {
    super(message, 400);
  }
}
