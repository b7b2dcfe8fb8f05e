package io.cwlogs.insights;

/**
 * An expression with the name of the field it produces: its alias, the field's own name, or else
 * the expression's text as written (for example {@code count(*)}).
 *
 * @param expr the expression
 * @param name the output field name
 */
record NamedExpr(Expr expr, String name) {}
