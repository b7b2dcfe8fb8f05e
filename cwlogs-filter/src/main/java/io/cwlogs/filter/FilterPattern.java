package io.cwlogs.filter;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Objects;

/**
 * A compiled, immutable CloudWatch Logs filter pattern: the one entry point for metric filters,
 * subscription filters, FilterLogEvents and TestMetricFilter.
 *
 * <p>{@link #compile} picks the syntax from the pattern's outer shape (after trimming whitespace):
 * empty means match-all, {@code { ... }} is JSON, {@code [ ... ]} is space-delimited, {@code %...%}
 * is a standalone regex, and anything else is a list of terms. Instances are thread-safe; matching
 * allocates nothing once a thread's scratch buffers are warm.
 */
public final class FilterPattern {
  /** The longest {@code filterPattern} the AWS API accepts; checked by the protocol layer. */
  public static final int MAX_LENGTH = 1024;

  private final String source;
  private final PatternNode node;

  private FilterPattern(String source, PatternNode node) {
    this.source = source;
    this.node = node;
  }

  /**
   * Compiles a pattern with AWS's documented term semantics (substring containment).
   *
   * @throws InvalidFilterPatternException when AWS would reject the pattern; nothing else is ever
   *     thrown
   */
  public static FilterPattern compile(String pattern) {
    return compile(pattern, TermMatching.SUBSTRING);
  }

  /**
   * Compiles a pattern, choosing how unstructured terms are found.
   *
   * @throws InvalidFilterPatternException when AWS would reject the pattern; nothing else is ever
   *     thrown
   */
  public static FilterPattern compile(String pattern, TermMatching termMatching) {
    if (pattern == null || termMatching == null) {
      throw InvalidFilterPatternException.invalid("pattern is null");
    }
    try {
      return new FilterPattern(pattern, parse(pattern.strip(), termMatching));
    } catch (InvalidFilterPatternException e) {
      throw e;
    } catch (RuntimeException | StackOverflowError e) {
      // A parser bug must still surface as AWS's error, never as a 500.
      throw InvalidFilterPatternException.invalid("internal: " + e);
    }
  }

  private static PatternNode parse(String p, TermMatching termMatching) {
    if (p.isEmpty()) {
      return new MatchAllPattern();
    }
    if (p.charAt(0) == '{') {
      if (p.length() < 2 || p.charAt(p.length() - 1) != '}') {
        throw new InvalidFilterPatternException(
            InvalidFilterPatternException.UNBALANCED_BRACE, "missing closing '}'");
      }
      return JsonPatternParser.parse(p);
    }
    if (p.length() >= 2 && p.charAt(0) == '[' && p.charAt(p.length() - 1) == ']') {
      return SpaceDelimitedParser.parse(p);
    }
    if (p.length() >= 2 && p.charAt(0) == '%' && p.charAt(p.length() - 1) == '%') {
      String inner = p.substring(1, p.length() - 1);
      if (inner.indexOf('%') >= 0) {
        throw InvalidFilterPatternException.invalid("a regex pattern is a single %...%");
      }
      return new RegexPattern(regex(inner));
    }
    return TermPattern.parse(p, termMatching);
  }

  /** Compiles the body of a {@code %...%} regex wherever it appears. */
  static Regex regex(String body) {
    if (body.isEmpty()) {
      throw InvalidFilterPatternException.invalid("empty regex");
    }
    return Regex.compile(body);
  }

  /** The pattern text exactly as given to {@link #compile}. */
  public String pattern() {
    return source;
  }

  /** Which syntax the pattern is written in. */
  public PatternKind kind() {
    return switch (node) {
      case MatchAllPattern m -> PatternKind.ALL;
      case TermPattern t -> PatternKind.TERMS;
      case JsonPattern j -> PatternKind.JSON;
      case SpaceDelimitedPattern s -> PatternKind.SPACE_DELIMITED;
      case RegexPattern r -> PatternKind.REGEX;
    };
  }

  /** Whether a metric filter with this pattern may have dimensions (JSON and space-delimited). */
  public boolean supportsDimensions() {
    PatternKind k = kind();
    return k == PatternKind.JSON || k == PatternKind.SPACE_DELIMITED;
  }

  /** How many {@code %regex%} the pattern contains, for AWS's per-log-group regex quota. */
  public int regexCount() {
    return switch (node) {
      case MatchAllPattern m -> 0;
      case TermPattern t -> 0;
      case JsonPattern j -> j.regexCount();
      case SpaceDelimitedPattern s -> s.regexCount();
      case RegexPattern r -> 1;
    };
  }

  /** Whether the event message matches. */
  public boolean matches(String message) {
    Objects.requireNonNull(message, "message");
    return switch (node) {
      case MatchAllPattern m -> true;
      case TermPattern t -> t.matches(message);
      case RegexPattern r -> r.matches(message);
      case JsonPattern j -> matchesEncoded(message);
      case SpaceDelimitedPattern s -> matchesEncoded(message);
    };
  }

  private boolean matchesEncoded(String message) {
    Scratch s = Scratch.get();
    byte[] b = s.encode(message);
    return node.matches(b, 0, s.messageLength);
  }

  /** Whether the UTF-8 event message {@code utf8[offset, offset+length)} matches. */
  public boolean matches(byte[] utf8, int offset, int length) {
    Objects.checkFromIndexSize(offset, length, utf8.length);
    return node.matches(utf8, offset, length);
  }

  /** Whether the UTF-8 event message matches. */
  public boolean matches(byte[] utf8) {
    return node.matches(utf8, 0, utf8.length);
  }

  /**
   * The values TestMetricFilter reports for a message: {@code $name} to field text for a matching
   * space-delimited pattern, and an empty map for everything else (including non-matches).
   */
  public Map<String, String> extractedValues(String message) {
    if (node instanceof SpaceDelimitedPattern s) {
      byte[] b = message.getBytes(StandardCharsets.UTF_8);
      return java.util.Collections.unmodifiableMap(s.extract(b, 0, b.length));
    }
    return Map.of();
  }

  PatternNode node() {
    return node;
  }

  @Override
  public String toString() {
    return "FilterPattern[" + kind() + " " + source + "]";
  }
}
