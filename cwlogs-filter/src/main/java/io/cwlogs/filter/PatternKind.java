package io.cwlogs.filter;

/** The syntax a filter pattern was written in, chosen by its outer shape. */
public enum PatternKind {
  /** Empty or whitespace-only pattern: matches every event. */
  ALL,
  /** Unstructured terms, quoted phrases, {@code ?optional} and {@code -excluded} terms. */
  TERMS,
  /** A {@code { ... }} pattern over JSON events. */
  JSON,
  /** A {@code [ ... ]} pattern over space-delimited events. */
  SPACE_DELIMITED,
  /** A standalone {@code %regex%} pattern. */
  REGEX
}
