package io.cwlogs.core;

/** AWS's {@code MalformedQueryException}: HTTP 400. */
public final class MalformedQueryException extends LogsException {

  public MalformedQueryException(String message) {
    super(message, 400);
  }
}
