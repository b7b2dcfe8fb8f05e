package io.cwlogs.insights;

/**
 * The quotas and bounds of the Logs Insights module, kept in one place with their sources.
 *
 * <p>Values marked "ours" are not AWS quotas but bounds this implementation sets so that a hostile
 * query or event cannot make the parser or executor recurse without limit or hold unbounded memory.
 */
public final class Limits {

  /**
   * Rows a query returns when neither the query nor StartQuery's {@code limit} says otherwise; also
   * the largest StartQuery {@code limit} (API model 2025-04, LIMIT page).
   */
  public static final int DEFAULT_RESULT_LIMIT = 10_000;

  /** Largest StartQuery {@code limit} and largest accepted {@code limit N} (API model 2025-04). */
  public static final int MAX_RESULT_LIMIT = 10_000;

  /** Longest query string StartQuery accepts (API model: queryString 0..10,000 characters). */
  public static final int MAX_QUERY_LENGTH = 10_000;

  /**
   * Most fields discovered in one JSON event; further leaves are ignored (DISCOVER-2022: "a maximum
   * of 1000 log event fields from a JSON log"; see docs/design-decisions-insights.md).
   */
  public static final int MAX_JSON_FIELDS = 1_000;

  /** Deepest JSON nesting the field discoverer follows before giving up on the event (ours). */
  public static final int MAX_JSON_DEPTH = 64;

  /** Deepest expression nesting the parser accepts, so parsing never overflows the stack (ours). */
  public static final int MAX_EXPRESSION_DEPTH = 64;

  /**
   * Values a percentile accumulator keeps exactly per group before it switches to a bounded
   * log-bucket sketch of about 1% relative error (ours; AWS documents pct as approximate-free).
   */
  public static final int EXACT_PERCENTILE_VALUES = 10_000;

  /**
   * Distinct values count_distinct keeps exactly per group before switching to a HyperLogLog
   * estimate (ours; AWS: "approximate when cardinality is high").
   */
  public static final int EXACT_DISTINCT_VALUES = 10_000;

  private Limits() {}
}
