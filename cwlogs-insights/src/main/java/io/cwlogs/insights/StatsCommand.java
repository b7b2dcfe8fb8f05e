package io.cwlogs.insights;

import java.util.List;

/**
 * {@code stats agg(x) as a, ... by g1, bin(5m)}: one row per group, the group fields first, then
 * the items; without {@code by}, one row.
 *
 * @param items the output expressions; their {@link Expr.Agg} nodes index {@code aggregations}
 * @param groups the grouping expressions
 * @param aggregations every aggregation the items use, in order of appearance
 */
record StatsCommand(List<NamedExpr> items, List<NamedExpr> groups, List<Aggregation> aggregations)
    implements Command {}
