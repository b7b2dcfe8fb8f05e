package io.cwlogs.client;

/**
 * Tells appenders which log records must not be shipped because shipping them would produce more
 * of them: records from the AWS SDK, Netty and this client, and anything logged on a thread that
 * serves the shipper (its worker, the SDK's event loops and response threads).
 */
public final class FeedbackGuard {
  private static final String[] LOGGER_PREFIXES = {
    "software.amazon.awssdk", "io.netty", "io.cwlogs.client", "org.apache.http"
  };
  private static final String[] THREAD_PREFIXES = {
    "cwlogs-shipper", "aws-java-sdk-", "sdk-async-response"
  };

  private FeedbackGuard() {}

  /** True when a record from {@code loggerName} on the current thread must be skipped. */
  public static boolean shouldSkip(String loggerName) {
    if (loggerName != null) {
      for (String p : LOGGER_PREFIXES) {
        if (loggerName.startsWith(p)) {
          return true;
        }
      }
    }
    String thread = Thread.currentThread().getName();
    for (String p : THREAD_PREFIXES) {
      if (thread.startsWith(p)) {
        return true;
      }
    }
    return false;
  }
}
