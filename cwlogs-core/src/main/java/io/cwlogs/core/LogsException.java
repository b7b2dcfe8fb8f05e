package io.cwlogs.core;

import java.util.Map;

/**
 * An error the service answers with, as AWS names it: its error code ({@code __type} on the wire) and HTTP
 * status.
 *
 * <p>Each AWS error code is its own subclass, so code reads like the API reference ({@code throw new
 * ResourceNotFoundException("The specified log group does not exist.")}). Only the protocol layer turns
 * these into wire JSON; anything else that escapes a handler is a bug and is answered as a 500
 * {@code ServiceUnavailableException}.
 */
public abstract class LogsException extends RuntimeException {

  private final int httpStatus;

  protected LogsException(String message, int httpStatus) {
    super(message, null, false, false);
    this.httpStatus = httpStatus;
  }

  /** The AWS error code, for example {@code ResourceNotFoundException}. */
  public String code() {
    return getClass().getSimpleName();
  }

  public int httpStatus() {
    return httpStatus;
  }

  /**
   * Members the wire error carries besides {@code __type} and {@code message}, as the service model's
   * error shape declares them (for example {@code queryCompileError}); values are strings, numbers or
   * nested maps. Empty for most errors.
   */
  public Map<String, Object> extraMembers() {
    return Map.of();
  }
}
