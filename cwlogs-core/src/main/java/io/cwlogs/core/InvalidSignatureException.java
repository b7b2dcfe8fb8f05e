package io.cwlogs.core;

/** AWS's {@code InvalidSignatureException}: HTTP 400. */
public final class InvalidSignatureException extends LogsException {

  public InvalidSignatureException(String message) {
    super(message, 400);
  }
}
