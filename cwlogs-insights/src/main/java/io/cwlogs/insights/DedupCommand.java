package io.cwlogs.insights;

import java.util.List;

/**
 * {@code dedup f1, f2}: keeps the first row of each distinct combination in the current order; rows
 * missing any of the fields are all kept (DEDUP).
 *
 * @param fields the fields
 */
record DedupCommand(List<Expr> fields) implements Command {}
