package io.cwlogs.core;

/** AWS's {@code SerializationException}: HTTP 400. */
public final class SerializationException extends LogsException {

  public SerializationException(String message) {
    super(message, 400);
  }
}
