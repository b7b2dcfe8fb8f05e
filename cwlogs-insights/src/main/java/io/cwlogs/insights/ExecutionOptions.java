package io.cwlogs.insights;

/**
 * The options of one run of a query: today only StartQuery's {@code limit}.
 *
 * @param limit the most rows the run returns, 1 to {@link Limits#MAX_RESULT_LIMIT}
 */
public record ExecutionOptions(int limit) {

  /** Checks the limit's range. */
  public ExecutionOptions {
    if (limit < 1 || limit > Limits.MAX_RESULT_LIMIT) {
      throw new IllegalArgumentException(
          "limit must be between 1 and " + Limits.MAX_RESULT_LIMIT + ": " + limit);
    }
  }

  /** The defaults: StartQuery without {@code limit} (10,000 rows). */
  public static ExecutionOptions defaults() {
    return new ExecutionOptions(Limits.DEFAULT_RESULT_LIMIT);
  }
}
