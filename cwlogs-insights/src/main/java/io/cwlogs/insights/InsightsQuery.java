package io.cwlogs.insights;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A parsed, immutable Logs Insights query: the entry point of this module.
 *
 * <pre>{@code
 * InsightsQuery q = InsightsQuery.parse("filter @message like /ERROR/ | stats count(*) by bin(5m)");
 * QueryExecution run = q.newExecution(new ExecutionOptions(limit));
 * for (QueryEvent e : scanNewestFirst()) { run.accept(e); if (!run.wantsMore()) break; }
 * List<List<ResultField>> rows = run.results();
 * }</pre>
 */
public final class InsightsQuery {
  private static final List<String> DEFAULT_COLUMNS = List.of("@timestamp", "@message");

  private final String text;
  private final List<Command> commands;
  private final List<String> columns;

  private InsightsQuery(String text, List<Command> commands) {
    this.text = text;
    this.commands = List.copyOf(commands);
    this.columns = List.copyOf(columns(this.commands));
  }

  /**
   * Parses a query string.
   *
   * @throws MalformedQueryException if it is not a valid query; no other exception is thrown
   */
  public static InsightsQuery parse(String query) {
    Objects.requireNonNull(query, "query");
    return new InsightsQuery(query, Parser.parse(query));
  }

  /** The query string as given. */
  public String text() {
    return text;
  }

  /** Starts a run of this query; each run has its own state. */
  public QueryExecution newExecution(ExecutionOptions options) {
    return new QueryExecution(commands, columns, options);
  }

  /** Starts a run with the default options (10,000 rows). */
  public QueryExecution newExecution() {
    return newExecution(ExecutionOptions.defaults());
  }

  /**
   * The fields each result row may show, in order ({@code @ptr} comes on top of them for
   * non-aggregated rows): the last {@code display}, else the union of the {@code fields} (and the
   * last {@code stats}' output), else {@code @timestamp} and {@code @message}.
   */
  public List<String> resultFields() {
    return columns;
  }

  /** Whether the query aggregates ({@code stats}), so its rows carry no {@code @ptr}. */
  public boolean isAggregation() {
    return commands.stream().anyMatch(c -> c instanceof StatsCommand);
  }

  /**
   * The event fields the query reads, including implicit ones ({@code bin} reads
   * {@code @timestamp}), so a storage scan can skip decoding what is not needed.
   */
  public Set<String> fieldsReferenced() {
    Set<String> out = new LinkedHashSet<>();
    for (Command c : commands) {
      switch (c) {
        case FieldsCommand f -> f.items().forEach(i -> collect(i.expr(), out));
        case DisplayCommand d -> d.items().forEach(i -> collect(i.expr(), out));
        case FilterCommand f -> collect(f.condition(), out);
        case StatsCommand s -> {
          s.items().forEach(i -> collect(i.expr(), out));
          s.groups().forEach(g -> collect(g.expr(), out));
        }
        case SortCommand s -> s.keys().forEach(k -> collect(k.expr(), out));
        case ParseCommand p -> collect(p.source(), out);
        case DedupCommand d -> d.fields().forEach(e -> collect(e, out));
        case LimitCommand l -> {}
        case UnmaskCommand u -> {}
      }
    }
    if (!isAggregation()) {
      out.addAll(columns);
    }
    return out;
  }

  private static void collect(Expr e, Set<String> out) {
    switch (e) {
      case Expr.Field f -> out.add(f.name());
      case Expr.Literal l -> {}
      case Expr.PeriodLiteral p -> {}
      case Expr.Negate n -> collect(n.operand(), out);
      case Expr.Not n -> collect(n.operand(), out);
      case Expr.Binary b -> {
        collect(b.left(), out);
        collect(b.right(), out);
      }
      case Expr.Contains c -> collect(c.target(), out);
      case Expr.Matches m -> collect(m.target(), out);
      case Expr.In in -> {
        collect(in.target(), out);
        in.items().forEach(i -> collect(i, out));
      }
      case Expr.Call c -> {
        if (c.function() == ScalarFunction.BIN) {
          out.add("@timestamp");
        }
        c.args().forEach(a -> collect(a, out));
      }
      case Expr.Agg a -> {
        switch (a.aggregation()) {
          case AggCount x -> x.arg().ifPresent(arg -> collect(arg, out));
          case AggCountDistinct x -> collect(x.arg(), out);
          case AggSum x -> collect(x.arg(), out);
          case AggAvg x -> collect(x.arg(), out);
          case AggMin x -> collect(x.arg(), out);
          case AggMax x -> collect(x.arg(), out);
          case AggPercentile x -> collect(x.arg(), out);
          case AggStddev x -> collect(x.arg(), out);
          case AggEarliest x -> {
            collect(x.arg(), out);
            out.add("@timestamp");
          }
          case AggLatest x -> {
            collect(x.arg(), out);
            out.add("@timestamp");
          }
          case AggSortsFirst x -> collect(x.arg(), out);
          case AggSortsLast x -> collect(x.arg(), out);
        }
      }
    }
  }

  private static List<String> columns(List<Command> commands) {
    List<String> columns = null;
    List<String> displayed = null;
    for (Command c : commands) {
      switch (c) {
        case FieldsCommand f -> {
          if (columns == null) {
            columns = new ArrayList<>();
          }
          for (NamedExpr i : f.items()) {
            if (!columns.contains(i.name())) {
              columns.add(i.name());
            }
          }
        }
        case DisplayCommand d -> displayed = d.items().stream().map(NamedExpr::name).toList();
        case StatsCommand s -> {
          columns = new ArrayList<>();
          for (NamedExpr g : s.groups()) {
            columns.add(g.name());
          }
          for (NamedExpr i : s.items()) {
            if (!columns.contains(i.name())) {
              columns.add(i.name());
            }
          }
          displayed = null;
        }
        case FilterCommand f -> {}
        case SortCommand s -> {}
        case LimitCommand l -> {}
        case ParseCommand p -> {}
        case DedupCommand d -> {}
        case UnmaskCommand u -> {}
      }
    }
    if (displayed != null) {
      return new ArrayList<>(new LinkedHashSet<>(displayed));
    }
    return columns != null ? columns : DEFAULT_COLUMNS;
  }

  /**
   * The fields an event offers to queries, for GetLogGroupFields: the system fields, then the
   * fields discovered in a JSON message. See {@link LogGroupFields} for the percentages.
   */
  public static Set<String> fieldsOf(QueryEvent event) {
    Set<String> out = new LinkedHashSet<>();
    out.add("@timestamp");
    out.add("@message");
    out.add("@logStream");
    out.add("@log");
    out.add("@ingestionTime");
    Map<String, Object> json = JsonFields.flatten(new Row(event).message());
    out.addAll(json.keySet());
    return out;
  }

  @Override
  public String toString() {
    return text;
  }
}
