package io.cwlogs.client;

import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.cloudwatchlogs.model.ResourceNotFoundException;
import software.amazon.awssdk.services.cloudwatchlogs.model.ServiceUnavailableException;

/**
 * How the client reacts to a failed call: retry, recreate the stream, or give up.
 *
 * <p>Throttling (any status), 5xx and client-side I/O errors (connection refused or reset, timeouts)
 * are {@link #RETRYABLE}; {@code ResourceNotFoundException} is {@link #NOT_FOUND} (the group or
 * stream was deleted: create it and retry); any other 4xx is {@link #PERMANENT} and never retried.
 */
enum Failure {
  RETRYABLE,
  NOT_FOUND,
  PERMANENT;

  static Failure classify(Throwable t) {
    Throwable cause = unwrap(t);
    if (cause instanceof ResourceNotFoundException) {
      return NOT_FOUND;
    }
    if (cause instanceof AwsServiceException e) {
      if (e.isThrottlingException()
          || e instanceof ServiceUnavailableException
          || e.statusCode() >= 500
          || e.statusCode() == 0) {
        return RETRYABLE;
      }
      return PERMANENT;
    }
    if (cause instanceof SdkClientException || cause instanceof java.io.IOException) {
      return RETRYABLE;
    }
    return PERMANENT;
  }

  static Throwable unwrap(Throwable t) {
    Throwable c = t;
    while ((c instanceof CompletionException || c instanceof ExecutionException)
        && c.getCause() != null) {
      c = c.getCause();
    }
    return c;
  }
}
