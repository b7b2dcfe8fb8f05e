package io.cwlogs.filter;

/**
 * The exception thrown when a filter pattern cannot be compiled; its message is the text AWS
 * returns.
 *
 * <p>The protocol layer maps it to {@code InvalidParameterException} (HTTP 400) with {@link
 * #getMessage()} as the message, so the message must be AWS's wording, not a diagnostic. The
 * optional {@link #detail()} carries our own explanation for logs and tests.
 */
public final class InvalidFilterPatternException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  /** AWS's generic message for a pattern it cannot parse. */
  public static final String INVALID = "Invalid filter pattern";

  /** AWS's message for a pattern that opens with '{' but does not close with '}'. */
  public static final String UNBALANCED_BRACE =
      "If a filter pattern starts with '{' it must end with '}'";

  /** AWS's message for characters a term or regex may not contain (seen for '(' in a regex). */
  public static final String INVALID_CHARACTERS = "Invalid character(s) in term";

  private final String detail;

  InvalidFilterPatternException(String awsMessage, String detail) {
    super(awsMessage);
    this.detail = detail;
  }

  static InvalidFilterPatternException invalid(String detail) {
    return new InvalidFilterPatternException(INVALID, detail);
  }

  /** Our own explanation of what is wrong, for logs and tests; never sent to clients. */
  public String detail() {
    return detail;
  }
}
