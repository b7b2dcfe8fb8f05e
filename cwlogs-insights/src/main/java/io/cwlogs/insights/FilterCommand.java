package io.cwlogs.insights;

/**
 * {@code filter cond} (or {@code where cond}): keeps the rows for which the condition is true.
 *
 * @param condition the condition
 */
record FilterCommand(Expr condition) implements Command {}
