package io.cwlogs.insights;

/**
 * {@code limit N}: at most N rows.
 *
 * @param count N, at least 1
 */
record LimitCommand(int count) implements Command {}
