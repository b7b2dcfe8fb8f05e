package io.cwlogs.insights;

import java.util.List;

/**
 * {@code sort f1 [asc|desc], f2 ...}: orders rows by {@link NaturalOrder}; rows missing a key go
 * last in either direction.
 *
 * @param keys the sort keys, most significant first
 */
record SortCommand(List<SortCommand.Key> keys) implements Command {

  /**
   * One sort key.
   *
   * @param expr the key expression
   * @param descending whether the key sorts descending
   */
  record Key(Expr expr, boolean descending) {}
}
