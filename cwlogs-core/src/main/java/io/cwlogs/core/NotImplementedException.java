package io.cwlogs.core;

/**
 * An operation of the CloudWatch Logs API that cwlogs does not implement yet: HTTP 501, naming it.
 *
 * <p>Not an AWS error code; scripts/api_coverage.py counts operations by this answer.
 */
public final class NotImplementedException extends LogsException {

  public NotImplementedException(String operation) {
    super("The operation " + operation + " is not implemented by cwlogs yet.", 501);
  }
}
