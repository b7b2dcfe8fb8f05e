package io.cwlogs.core;

/** AWS's {@code UnrecognizedClientException}: HTTP 400. */
public final class UnrecognizedClientException extends LogsException {

  public UnrecognizedClientException(String message) {
    super(message, 400);
  }
}
