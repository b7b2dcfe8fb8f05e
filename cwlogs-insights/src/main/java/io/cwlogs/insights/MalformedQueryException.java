package io.cwlogs.insights;

/**
 * The error a query string that does not compile raises: AWS's {@code MalformedQueryException} with
 * the details of its {@code QueryCompileError}.
 *
 * <p>{@link #startCharOffset()} and {@link #endCharOffset()} are 0-based character offsets into the
 * query string; the end offset is inclusive (the last character of the offending token), as ANTLR's
 * token stop index is. {@link #line()} is 1-based.
 */
public final class MalformedQueryException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** The AWS error code. */
  public static final String ERROR_CODE = "MalformedQueryException";

  /** The HTTP status AWS answers this error with. */
  public static final int HTTP_STATUS = 400;

  private final String detail;
  private final int line;
  private final int startCharOffset;
  private final int endCharOffset;

  MalformedQueryException(String detail, int line, int startCharOffset, int endCharOffset) {
    super(detail);
    this.detail = detail;
    this.line = line;
    this.startCharOffset = startCharOffset;
    this.endCharOffset = endCharOffset;
  }

  /** Builds the error for the characters {@code start..end} (end exclusive) of {@code query}. */
  static MalformedQueryException at(String query, int start, int end, String what) {
    int s = Math.max(0, Math.min(start, query.length()));
    int e = Math.max(s, Math.min(end, query.length()));
    int line = 1;
    int lineStart = 0;
    for (int i = 0; i < s; i++) {
      if (query.charAt(i) == '\n') {
        line++;
        lineStart = i + 1;
      }
    }
    String message = what + " at line " + line + " and position " + (s - lineStart + 1);
    return new MalformedQueryException(message, line, s, Math.max(s, e - 1));
  }

  /** The {@code QueryCompileError.message}. */
  public String detail() {
    return detail;
  }

  /** The 1-based line of the error. */
  public int line() {
    return line;
  }

  /** {@code QueryCompileError.location.startCharOffset}: first offending character, 0-based. */
  public int startCharOffset() {
    return startCharOffset;
  }

  /**
   * {@code QueryCompileError.location.endCharOffset}: last offending character, 0-based, inclusive.
   */
  public int endCharOffset() {
    return endCharOffset;
  }
}
