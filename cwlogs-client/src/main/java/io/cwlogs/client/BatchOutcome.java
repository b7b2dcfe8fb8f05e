package io.cwlogs.client;

import java.util.Optional;

/**
 * What happened to one batch: delivered (possibly with rejections) or failed.
 *
 * @param result the counts for the batch
 * @param permanent true when the failure must not be retried (a 400 other than throttling)
 * @param error the last error when the batch failed
 */
record BatchOutcome(SubmitResult result, boolean permanent, Optional<Throwable> error) {
  static BatchOutcome delivered(SubmitResult result) {
    return new BatchOutcome(result, false, Optional.empty());
  }

  static BatchOutcome failed(int events, int retries, boolean permanent, Throwable error) {
    return new BatchOutcome(
        new SubmitResult(0, 0, 0, 0, 0, events, retries), permanent, Optional.of(error));
  }

  boolean delivered() {
    return error.isEmpty();
  }
}
