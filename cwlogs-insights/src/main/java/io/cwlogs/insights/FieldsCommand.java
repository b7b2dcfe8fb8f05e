package io.cwlogs.insights;

import java.util.List;

/**
 * {@code fields a, f(x) as y}: computes fields and asks for them in the results; several {@code
 * fields} commands show the union of their fields.
 *
 * @param items the fields
 */
record FieldsCommand(List<NamedExpr> items) implements Command {}
