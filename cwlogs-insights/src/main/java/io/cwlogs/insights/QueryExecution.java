package io.cwlogs.insights;

import java.util.ArrayList;
import java.util.List;

/**
 * One run of an {@link InsightsQuery} over an event scan: the service feeds it events with {@link
 * #accept} and reads {@link #results()} at any time.
 *
 * <p><b>Scan order.</b> Feed events newest first (descending {@code @timestamp}), the service's
 * default scan order. Queries with {@code sort} or {@code stats} give the same answer in any order;
 * the others return rows in the order they were fed, which is AWS's default {@code @timestamp}
 * descending only if the scan is newest first. When {@link #wantsMore()} turns false (a {@code
 * limit} or the row cap is reached before any sort, stats or dedup; a dedup is full; or a sort on
 * the timestamp, descending, already holds rows all newer than the last event), more events cannot
 * change the results and the scan may stop; events fed afterwards are only counted.
 *
 * <p><b>Plan.</b> The commands before the first blocking one ({@code stats}, {@code sort}, {@code
 * dedup}) run on each event as it arrives. The blocking command keeps bounded state (groups, the
 * top rows, the first row per key). The commands after it run over that state's snapshot when
 * results are asked for, so partial results are always available and the state is never consumed.
 *
 * <p>Methods are synchronized, so one thread may scan while another polls results.
 */
public final class QueryExecution {
  private final List<Command> prefix;
  private final Command blocking;
  private final List<Command> rest;
  private final List<String> columns;
  private final int cap;
  private final int[] limitCounts;

  private final List<List<ResultField>> rendered = new ArrayList<>();
  private final GroupTable groups;
  private final SortBuffer sorter;
  private final DedupBuffer deduper;
  private boolean exhausted;
  /** Whether the blocking command is {@code sort @timestamp desc} on the events' own timestamp. */
  private final boolean newestFirstSort;

  private long recordsScanned;
  private long recordsMatched;
  private long bytesScanned;

  QueryExecution(List<Command> commands, List<String> columns, ExecutionOptions options) {
    int b = 0;
    while (b < commands.size() && !isBlocking(commands.get(b))) {
      b++;
    }
    this.prefix = commands.subList(0, b);
    this.blocking = b < commands.size() ? commands.get(b) : null;
    this.rest = b < commands.size() ? commands.subList(b + 1, commands.size()) : List.of();
    this.columns = columns;
    this.cap = options.limit();
    this.limitCounts = new int[prefix.size()];
    int bound = boundAfterBlocking();
    this.groups = blocking instanceof StatsCommand s ? new GroupTable(s) : null;
    this.sorter = blocking instanceof SortCommand s ? new SortBuffer(s, bound) : null;
    this.deduper = blocking instanceof DedupCommand d ? new DedupBuffer(d, bound) : null;
    this.newestFirstSort =
        blocking instanceof SortCommand s
            && s.keys().get(0).descending()
            && s.keys().get(0).expr() instanceof Expr.Field f
            && f.name().equals("@timestamp")
            && !assignsTimestamp(prefix);
  }

  private static boolean assignsTimestamp(List<Command> commands) {
    for (Command c : commands) {
      List<NamedExpr> items =
          switch (c) {
            case FieldsCommand f -> f.items();
            case DisplayCommand d -> d.items();
            case ParseCommand p -> {
              if (p.fields().contains("@timestamp")) {
                yield null;
              }
              yield List.of();
            }
            default -> List.of();
          };
      if (items == null) {
        return true;
      }
      for (NamedExpr i : items) {
        if (i.name().equals("@timestamp")
            && !(i.expr() instanceof Expr.Field f && f.name().equals("@timestamp"))) {
          return true;
        }
      }
    }
    return false;
  }

  private static boolean isBlocking(Command c) {
    return c instanceof StatsCommand || c instanceof SortCommand || c instanceof DedupCommand;
  }

  /** How many rows the blocking command can usefully keep: a following limit, else the cap. */
  private int boundAfterBlocking() {
    for (Command c : rest) {
      switch (c) {
        case LimitCommand l -> {
          return Math.min(l.count(), cap);
        }
        case FieldsCommand f -> {}
        case DisplayCommand d -> {}
        case UnmaskCommand u -> {}
        case ParseCommand p -> {}
        case FilterCommand f -> {
          return cap;
        }
        case StatsCommand s -> {
          return cap;
        }
        case SortCommand s -> {
          return cap;
        }
        case DedupCommand d -> {
          return cap;
        }
      }
    }
    return cap;
  }

  /** Runs the query over one event of the scan. */
  public synchronized void accept(QueryEvent event) {
    recordsScanned++;
    bytesScanned += event.message().length;
    if (exhausted) {
      return;
    }
    Row row = new Row(event);
    boolean lastAllowed = false;
    for (int i = 0; i < prefix.size(); i++) {
      switch (prefix.get(i)) {
        case FilterCommand f -> {
          if (!Evaluator.test(f.condition(), row)) {
            return;
          }
        }
        case FieldsCommand f -> compute(f.items(), row);
        case DisplayCommand d -> compute(d.items(), row);
        case ParseCommand p -> p.apply(row);
        case UnmaskCommand u -> {}
        case LimitCommand l -> {
          if (++limitCounts[i] >= l.count()) {
            lastAllowed = true; // no later event can get past this limit
          }
        }
        case StatsCommand s -> throw new AssertionError("blocking command in the prefix");
        case SortCommand s -> throw new AssertionError("blocking command in the prefix");
        case DedupCommand d -> throw new AssertionError("blocking command in the prefix");
      }
    }
    recordsMatched++;
    exhausted = lastAllowed;
    switch (blocking) {
      case null -> {
        rendered.add(render(row));
        exhausted |= rendered.size() >= cap;
      }
      case StatsCommand s -> groups.add(row);
      case SortCommand s -> {
        sorter.add(row);
        // Newest-first scan: once the top rows are all newer than this event, none later can enter.
        exhausted |= newestFirstSort && sorter.closedTo(new DateTime(event.timestamp()));
      }
      case DedupCommand d -> {
        deduper.add(row);
        exhausted |= deduper.full();
      }
      default -> throw new AssertionError("streaming command as blocking: " + blocking);
    }
  }

  /** Whether more events could still change the results. */
  public synchronized boolean wantsMore() {
    return !exhausted;
  }

  /**
   * The result rows so far, at most the run's limit; a field missing from a row is left out of it.
   * Non-aggregated rows end with {@code @ptr}.
   */
  public synchronized List<List<ResultField>> results() {
    if (blocking == null) {
      return List.copyOf(rendered);
    }
    List<Row> rows =
        switch (blocking) {
          case StatsCommand s -> groups.snapshot();
          case SortCommand s -> sorter.sorted();
          case DedupCommand d -> deduper.kept();
          default -> throw new AssertionError("streaming command as blocking: " + blocking);
        };
    rows = applyAll(rest, rows);
    List<List<ResultField>> out = new ArrayList<>(Math.min(rows.size(), cap));
    for (Row r : rows) {
      if (out.size() >= cap) {
        break;
      }
      out.add(render(r));
    }
    return List.copyOf(out);
  }

  /** Events fed so far ({@code statistics.recordsScanned}). */
  public synchronized long recordsScanned() {
    return recordsScanned;
  }

  /**
   * Events that passed the commands before the first stats, sort or dedup ({@code
   * statistics.recordsMatched}).
   */
  public synchronized long recordsMatched() {
    return recordsMatched;
  }

  /** Message bytes fed so far ({@code statistics.bytesScanned}). */
  public synchronized long bytesScanned() {
    return bytesScanned;
  }

  private static void compute(List<NamedExpr> items, Row row) {
    for (NamedExpr item : items) {
      if (item.expr() instanceof Expr.Field f && f.name().equals(item.name())) {
        continue;
      }
      row.put(item.name(), Evaluator.eval(item.expr(), row));
    }
  }

  /** Runs commands over a materialized list of rows, after the blocking command. */
  static List<Row> applyAll(List<Command> commands, List<Row> input) {
    List<Row> rows = input;
    for (Command c : commands) {
      List<Row> out = new ArrayList<>(rows.size());
      switch (c) {
        case FilterCommand f -> {
          for (Row r : rows) {
            if (Evaluator.test(f.condition(), r)) {
              out.add(r);
            }
          }
        }
        case FieldsCommand f -> {
          for (Row r : rows) {
            Row copy = r.copy();
            compute(f.items(), copy);
            out.add(copy);
          }
        }
        case DisplayCommand d -> {
          for (Row r : rows) {
            Row copy = r.copy();
            compute(d.items(), copy);
            out.add(copy);
          }
        }
        case ParseCommand p -> {
          for (Row r : rows) {
            Row copy = r.copy();
            p.apply(copy);
            out.add(copy);
          }
        }
        case UnmaskCommand u -> out = rows;
        case LimitCommand l -> out = rows.subList(0, Math.min(l.count(), rows.size()));
        case StatsCommand s -> {
          GroupTable t = new GroupTable(s);
          rows.forEach(t::add);
          out = t.snapshot();
        }
        case SortCommand s -> {
          SortBuffer b = new SortBuffer(s, Integer.MAX_VALUE);
          rows.forEach(b::add);
          out = b.sorted();
        }
        case DedupCommand d -> {
          DedupBuffer b = new DedupBuffer(d, Integer.MAX_VALUE);
          rows.forEach(b::add);
          out = b.kept();
        }
      }
      rows = out;
    }
    return rows;
  }

  private List<ResultField> render(Row row) {
    List<ResultField> fields = new ArrayList<>(columns.size() + 1);
    for (String c : columns) {
      String v = Values.render(row.get(c));
      if (v != null) {
        fields.add(new ResultField(c, v));
      }
    }
    if (row.isEvent() && !row.ptr().isEmpty() && !columns.contains("@ptr")) {
      fields.add(new ResultField("@ptr", row.ptr()));
    }
    return List.copyOf(fields);
  }
}
