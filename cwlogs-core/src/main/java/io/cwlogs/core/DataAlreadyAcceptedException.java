package io.cwlogs.core;

/** AWS's {@code DataAlreadyAcceptedException}: HTTP 400. */
public final class DataAlreadyAcceptedException extends LogsException {

  public DataAlreadyAcceptedException(String message) {
    super(message, 400);
  }
}
