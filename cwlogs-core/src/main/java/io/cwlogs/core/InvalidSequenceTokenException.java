package io.cwlogs.core;

/** AWS's {@code InvalidSequenceTokenException}: HTTP 400. */
public final class InvalidSequenceTokenException extends LogsException {

  public InvalidSequenceTokenException(String message) {
    super(message, 400);
  }
}
