package io.cwlogs.core;

/** AWS's {@code ThrottlingException}: HTTP 400; SDKs retry it with backoff. */
public final class ThrottlingException extends LogsException {

  public ThrottlingException(String message) {
    super(message, 400);
  }
}
