/**
 * The CloudWatch Logs filter pattern language: parsing, matching and metric value extraction.
 *
 * <p>{@link io.cwlogs.filter.FilterPattern#compile} is the entry point. It picks one of AWS's four
 * syntaxes from the pattern's outer shape and returns an immutable, thread-safe pattern whose
 * {@code matches} the service calls per event (FilterLogEvents, subscription and metric filters,
 * TestMetricFilter). {@link io.cwlogs.filter.MetricValueExtractor} adds a metric filter's value and
 * dimensions on top. Invalid input raises {@link io.cwlogs.filter.InvalidFilterPatternException} or
 * {@link io.cwlogs.filter.InvalidMetricTransformationException}, whose messages are AWS's.
 *
 * <p>Inside, each syntax is one record of the sealed {@code PatternNode} (one file each: {@code
 * TermPattern}, {@code JsonPattern}, {@code SpaceDelimitedPattern}, {@code RegexPattern}, {@code
 * MatchAllPattern}) and owns its kernel: {@code ByteSearch} finds terms eight bytes at a time,
 * {@code JsonCursor} walks only the selected paths of a JSON message without building a tree, and
 * {@code Regex} runs AWS's parenthesis-free regex subset as a bit-parallel automaton, so no pattern
 * can backtrack catastrophically. Matching works on UTF-8 bytes, the storage format; working memory
 * lives in per-thread {@code Scratch} buffers so the hot paths allocate nothing.
 *
 * <p>Where AWS's behaviour is undocumented, the choice made is pinned by a test and explained in
 * {@code docs/design-decisions-filter.md}; docs/filter-patterns.md is the user-facing summary.
 *
 * <p>This module depends on nothing; the service and the benchmarks depend on it.
 */
package io.cwlogs.filter;
