package io.cwlogs.core;

/** AWS's {@code ConflictException}: HTTP 400. */
public final class ConflictException extends LogsException {

  public ConflictException(String message) {
    super(message, 400);
  }
}
