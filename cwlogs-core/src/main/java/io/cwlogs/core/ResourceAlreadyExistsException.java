package io.cwlogs.core;

/** AWS's {@code ResourceAlreadyExistsException}: HTTP 400. */
public final class ResourceAlreadyExistsException extends LogsException {

  public ResourceAlreadyExistsException(String message) {
    super(message, 400);
  }
}
