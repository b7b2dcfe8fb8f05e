package io.cwlogs.core;

/** AWS's {@code ResourceNotFoundException}: HTTP 400. */
public final class ResourceNotFoundException extends LogsException {

  public ResourceNotFoundException(String message) {
    super(message, 400);
  }
}
