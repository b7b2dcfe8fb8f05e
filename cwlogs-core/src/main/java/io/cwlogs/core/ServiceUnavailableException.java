package io.cwlogs.core;

/** AWS's {@code ServiceUnavailableException}: HTTP 500, for failures that are ours, not the caller's. */
public final class ServiceUnavailableException extends LogsException {

  public ServiceUnavailableException(String message) {
    super(message, 500);
  }
}
