package io.cwlogs.insights;

import java.util.List;

/**
 * {@code display a, b}: the fields the results show; only the last {@code display} counts.
 *
 * @param items the fields
 */
record DisplayCommand(List<NamedExpr> items) implements Command {}
