package io.cwlogs.insights;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;

/**
 * The running state of one {@code stats} command: one set of accumulators per group, in the order
 * the groups were first seen. Memory grows with the number of groups, never with the rows fed.
 */
final class GroupTable {
  private static final Object NO_VALUE = new Object();

  private final StatsCommand stats;
  private final LinkedHashMap<Object, Group> groups = new LinkedHashMap<>();

  private record Group(Object[] keys, Accumulator[] accumulators) {}

  GroupTable(StatsCommand stats) {
    this.stats = stats;
  }

  void add(Row row) {
    List<NamedExpr> by = stats.groups();
    Object key;
    Object[] values = new Object[by.size()];
    for (int i = 0; i < values.length; i++) {
      values[i] = normalize(Evaluator.eval(by.get(i).expr(), row));
    }
    if (values.length == 0) {
      key = NO_VALUE;
    } else if (values.length == 1) {
      key = values[0] == null ? NO_VALUE : values[0];
    } else {
      key = Arrays.asList(values);
    }
    Group g = groups.get(key);
    if (g == null) {
      g = new Group(values, newAccumulators());
      groups.put(key, g);
    }
    for (Accumulator a : g.accumulators()) {
      a.add(row);
    }
  }

  private static Object normalize(Object v) {
    return v instanceof NumberText n ? n.text() : v;
  }

  private Accumulator[] newAccumulators() {
    List<Aggregation> aggs = stats.aggregations();
    Accumulator[] accs = new Accumulator[aggs.size()];
    for (int i = 0; i < accs.length; i++) {
      accs[i] = aggs.get(i).newAccumulator();
    }
    return accs;
  }

  /** The current result rows; the state is left unchanged. */
  List<Row> snapshot() {
    List<Row> out = new ArrayList<>(groups.size() + 1);
    if (groups.isEmpty() && stats.groups().isEmpty()) {
      out.add(row(new Group(new Object[0], newAccumulators())));
    }
    for (Group g : groups.values()) {
      out.add(row(g));
    }
    return out;
  }

  private Row row(Group g) {
    Row r = Row.synthetic();
    for (int i = 0; i < g.keys().length; i++) {
      if (g.keys()[i] != null) {
        r.put(stats.groups().get(i).name(), g.keys()[i]);
      }
    }
    Object[] results = new Object[g.accumulators().length];
    for (int i = 0; i < results.length; i++) {
      results[i] = g.accumulators()[i].result();
    }
    r.aggResults = results;
    for (NamedExpr item : stats.items()) {
      r.put(item.name(), Evaluator.eval(item.expr(), r));
    }
    r.aggResults = null;
    return r;
  }
}
