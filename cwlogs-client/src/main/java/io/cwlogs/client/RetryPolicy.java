package io.cwlogs.client;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Exponential backoff with full jitter for throttling, 5xx and I/O errors.
 *
 * <p>The delay before retry {@code n} (from 1) is uniform in {@code [0, min(max, base * 2^(n-1))]},
 * the "full jitter" scheme, which spreads retries of many clients hit by the same outage.
 *
 * @param maxAttempts attempts per batch including the first; at least 1
 * @param baseDelay the first backoff ceiling
 * @param maxDelay the largest backoff ceiling
 */
public record RetryPolicy(int maxAttempts, Duration baseDelay, Duration maxDelay) {
  public RetryPolicy {
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("maxAttempts must be at least 1");
    }
    if (baseDelay.isNegative() || maxDelay.compareTo(baseDelay) < 0) {
      throw new IllegalArgumentException("need 0 <= baseDelay <= maxDelay");
    }
  }

  /** Eight attempts, 100 ms doubling up to 10 s. */
  public static RetryPolicy defaults() {
    return new RetryPolicy(8, Duration.ofMillis(100), Duration.ofSeconds(10));
  }

  /** Returns the delay before retry number {@code retry} (1 for the first retry). */
  public Duration delay(int retry) {
    long base = Math.max(1, baseDelay.toMillis());
    int shift = Math.min(Math.max(retry - 1, 0), 30);
    long ceiling = Math.min(maxDelay.toMillis(), base << shift);
    return Duration.ofMillis(ThreadLocalRandom.current().nextLong(ceiling + 1));
  }
}
