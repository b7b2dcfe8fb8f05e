package io.cwlogs.insights;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The recursive-descent parser of the query language.
 *
 * <p>Grammar (keywords case-insensitive):
 *
 * <pre>
 * query    := [command ('|' command)*]
 * command  := fields items | display items | (filter|where) expr | stats items [by items]
 *           | sort key (',' key)* | limit NUMBER | parse [expr] (STRING as names | REGEX)
 *           | dedup expr (',' expr)* | unmask [items]
 * items    := expr [as name] (',' expr [as name])*
 * expr     := and (or and)*          and := not (and not)*      not := 'not' not | cmp
 * cmp      := add [(= | != | < | <= | > | >=) add | =~ regex | [not] like (STRING|REGEX)
 *                  | [not] in '[' expr (',' expr)* ']']
 * add      := mul ((+|-) mul)*       mul := pow ((*|/|%) pow)*   pow := unary ['^' pow]
 * unary    := '-' unary | primary
 * primary  := NUMBER | STRING | field | name '(' args ')' | '(' expr ')'
 * </pre>
 *
 * Nesting is bounded by {@link Limits#MAX_EXPRESSION_DEPTH}, so no input overflows the stack. Every
 * error is a {@link MalformedQueryException} pointing at the offending token.
 */
final class Parser {
  private static final Set<String> RESERVED = Set.of("and", "or", "not", "like", "in", "as", "by");
  private static final Set<String> AGGREGATIONS =
      Set.of(
          "count",
          "count_distinct",
          "sum",
          "avg",
          "min",
          "max",
          "pct",
          "stddev",
          "earliest",
          "latest",
          "sortsfirst",
          "sortslast");
  private static final Set<String> UNSUPPORTED =
      Set.of(
          "pattern",
          "diff",
          "anomaly",
          "filterindex",
          "source",
          "unnest",
          "lookup",
          "join",
          "addtotals",
          "json",
          "compare");

  private final String q;
  private final List<Token> tokens;
  private int p;
  private int depth;

  /** The aggregations of the stats command being parsed, or null where none are allowed. */
  private List<Aggregation> aggregations;

  /** Whether a stats command came earlier, so aggregation text can name its output columns. */
  private boolean seenStats;

  /** The output columns of the last stats command. */
  private final Set<String> statsColumns = new java.util.HashSet<>();

  /** Whether an aggregation's argument is being parsed. */
  private boolean inAggregation;

  /** The first token of each item of the last {@link #items()} call. */
  private final List<Token> itemStarts = new ArrayList<>();

  private Parser(String q) {
    this.q = q;
    this.tokens = Lexer.tokenize(q);
  }

  static List<Command> parse(String query) {
    return new Parser(query).query();
  }

  // ---- tokens

  private Token peek() {
    return tokens.get(p);
  }

  private Token peek(int ahead) {
    return tokens.get(Math.min(p + ahead, tokens.size() - 1));
  }

  private Token next() {
    Token t = tokens.get(p);
    if (t.kind() != Token.Kind.EOF) {
      p++;
    }
    return t;
  }

  private int lastEnd() {
    return p == 0 ? 0 : tokens.get(p - 1).end();
  }

  private boolean accept(Token.Kind kind) {
    if (peek().kind() == kind) {
      next();
      return true;
    }
    return false;
  }

  private boolean acceptWord(String word) {
    if (peek().isWord(word)) {
      next();
      return true;
    }
    return false;
  }

  private Token expect(Token.Kind kind, String what) {
    if (peek().kind() != kind) {
      throw unexpected(peek(), what);
    }
    return next();
  }

  private MalformedQueryException unexpected(Token t, String expected) {
    if (t.kind() == Token.Kind.EOF) {
      return MalformedQueryException.at(
          q, t.start(), t.end(), "unexpected end of query, expected " + expected);
    }
    return MalformedQueryException.at(
        q,
        t.start(),
        t.end(),
        "unexpected symbol found " + q.substring(t.start(), t.end()) + ", expected " + expected);
  }

  private MalformedQueryException error(Token t, String what) {
    return MalformedQueryException.at(q, t.start(), t.end(), what);
  }

  private void enter() {
    if (++depth > Limits.MAX_EXPRESSION_DEPTH) {
      throw error(peek(), "expression nested more than " + Limits.MAX_EXPRESSION_DEPTH + " deep");
    }
  }

  // ---- commands

  private List<Command> query() {
    List<Command> commands = new ArrayList<>();
    List<Token> starts = new ArrayList<>();
    if (peek().kind() == Token.Kind.EOF) {
      return commands;
    }
    while (true) {
      starts.add(peek());
      commands.add(command());
      if (accept(Token.Kind.PIPE)) {
        continue;
      }
      if (peek().kind() == Token.Kind.EOF) {
        break;
      }
      throw unexpected(peek(), "| or end of query");
    }
    boolean afterDedup = false;
    for (int i = 0; i < commands.size(); i++) {
      Command c = commands.get(i);
      if (afterDedup && !(c instanceof LimitCommand)) {
        throw error(starts.get(i), "only limit may follow dedup");
      }
      afterDedup |= c instanceof DedupCommand;
    }
    return commands;
  }

  private Command command() {
    Token k = peek();
    if (k.kind() != Token.Kind.WORD) {
      throw unexpected(k, "a command");
    }
    next();
    String name = k.text().toLowerCase(Locale.ROOT);
    return switch (name) {
      case "fields" -> new FieldsCommand(items());
      case "display" -> new DisplayCommand(items());
      case "filter", "where" -> new FilterCommand(expr());
      case "stats" -> {
        StatsCommand c = (StatsCommand) stats();
        seenStats = true;
        statsColumns.clear();
        c.groups().forEach(g -> statsColumns.add(g.name()));
        c.items().forEach(i -> statsColumns.add(i.name()));
        yield c;
      }
      case "sort" -> sort();
      case "limit" -> limit();
      case "parse" -> parse();
      case "dedup" -> dedup();
      case "unmask" -> {
        if (peek().kind() != Token.Kind.PIPE && peek().kind() != Token.Kind.EOF) {
          items();
        }
        yield new UnmaskCommand();
      }
      default -> {
        if (UNSUPPORTED.contains(name)) {
          throw error(k, "the " + name + " command is not supported by this service");
        }
        throw error(k, "unknown command " + k.text());
      }
    };
  }

  private List<NamedExpr> items() {
    List<NamedExpr> items = new ArrayList<>();
    itemStarts.clear();
    do {
      itemStarts.add(peek());
      int start = peek().start();
      Expr e = expr();
      int end = lastEnd();
      String name;
      if (acceptWord("as")) {
        name = name("an alias after as");
      } else if (e instanceof Expr.Field f) {
        name = f.name();
      } else {
        name = q.substring(start, end).strip();
      }
      items.add(new NamedExpr(e, name));
    } while (accept(Token.Kind.COMMA));
    return items;
  }

  private String name(String what) {
    Token t = peek();
    if (t.kind() == Token.Kind.QUOTED_FIELD
        || (t.kind() == Token.Kind.WORD && !RESERVED.contains(t.text().toLowerCase(Locale.ROOT)))) {
      next();
      return t.text();
    }
    throw unexpected(t, what);
  }

  private Command stats() {
    aggregations = new ArrayList<>();
    List<NamedExpr> items = items();
    List<Aggregation> aggs = aggregations;
    aggregations = null;
    for (int i = 0; i < items.size(); i++) {
      if (!hasAggregation(items.get(i).expr())) {
        throw error(
            itemStarts.get(i),
            "every stats item must use an aggregation function such as"
                + " count(): "
                + items.get(i).name());
      }
    }
    List<NamedExpr> groups = List.of();
    if (acceptWord("by")) {
      groups = items();
    }
    return new StatsCommand(List.copyOf(items), List.copyOf(groups), List.copyOf(aggs));
  }

  private static boolean hasAggregation(Expr e) {
    return switch (e) {
      case Expr.Agg a -> true;
      case Expr.Field f -> false;
      case Expr.Literal l -> false;
      case Expr.PeriodLiteral pl -> false;
      case Expr.Negate n -> hasAggregation(n.operand());
      case Expr.Not n -> hasAggregation(n.operand());
      case Expr.Binary b -> hasAggregation(b.left()) || hasAggregation(b.right());
      case Expr.Contains c -> hasAggregation(c.target());
      case Expr.Matches m -> hasAggregation(m.target());
      case Expr.In in -> hasAggregation(in.target());
      case Expr.Call c -> c.args().stream().anyMatch(Parser::hasAggregation);
    };
  }

  private Command sort() {
    List<SortCommand.Key> keys = new ArrayList<>();
    do {
      Expr e = expr();
      boolean desc = false;
      if (acceptWord("desc")) {
        desc = true;
      } else {
        acceptWord("asc");
      }
      keys.add(new SortCommand.Key(e, desc));
    } while (accept(Token.Kind.COMMA));
    return new SortCommand(List.copyOf(keys));
  }

  private Command limit() {
    Token t = expect(Token.Kind.NUMBER, "a number of rows");
    if (t.text().indexOf('.') >= 0) {
      throw error(t, "limit must be a whole number");
    }
    String digits = t.text().replaceFirst("^0+(?=\\d)", "");
    long n = digits.length() > 10 ? Long.MAX_VALUE : Long.parseLong(digits);
    if (n < 1) {
      throw error(t, "limit must be at least 1");
    }
    return new LimitCommand((int) Math.min(n, Integer.MAX_VALUE));
  }

  private Command dedup() {
    List<Expr> fields = new ArrayList<>();
    do {
      fields.add(expr());
    } while (accept(Token.Kind.COMMA));
    return new DedupCommand(List.copyOf(fields));
  }

  private Command parse() {
    Expr source = new Expr.Field("@message");
    Token.Kind k = peek().kind();
    if (k != Token.Kind.STRING && k != Token.Kind.REGEX) {
      source = expr();
    }
    Token pat = peek();
    if (pat.kind() == Token.Kind.STRING) {
      next();
      if (!acceptWord("as")) {
        throw unexpected(peek(), "as and the names of the extracted fields");
      }
      List<String> names = new ArrayList<>();
      do {
        names.add(name("a field name"));
      } while (accept(Token.Kind.COMMA));
      String[] parts = pat.text().split("\\*", -1);
      if (parts.length - 1 != names.size()) {
        throw error(
            pat,
            "the glob has "
                + (parts.length - 1)
                + " wildcards but "
                + names.size()
                + " field names follow as");
      }
      StringBuilder re = new StringBuilder();
      for (int i = 0; i < parts.length; i++) {
        if (!parts[i].isEmpty()) {
          re.append(Pattern.quote(parts[i]));
        }
        if (i < parts.length - 1) {
          boolean trailing = i == parts.length - 2 && parts[i + 1].isEmpty();
          re.append("(?<g").append(i + 1).append(trailing ? ">.*)" : ">.*?)");
        }
      }
      return new ParseCommand(
          source, compile(pat, re.toString(), Pattern.DOTALL), List.copyOf(names));
    }
    if (pat.kind() == Token.Kind.REGEX) {
      next();
      List<String> names = new ArrayList<>();
      String re = renameGroups(pat.text(), names);
      if (names.isEmpty()) {
        throw error(pat, "the regular expression of parse needs named groups such as (?<name>...)");
      }
      return new ParseCommand(source, compile(pat, re, 0), List.copyOf(names));
    }
    throw unexpected(pat, "a \"glob\" or a /regular expression/");
  }

  /** Rewrites {@code (?<name>} groups to {@code (?<gN>} and collects the names. */
  private static String renameGroups(String re, List<String> names) {
    StringBuilder b = new StringBuilder(re.length());
    boolean inClass = false;
    int i = 0;
    while (i < re.length()) {
      char c = re.charAt(i);
      if (c == '\\' && i + 1 < re.length()) {
        b.append(c).append(re.charAt(i + 1));
        i += 2;
        continue;
      }
      if (inClass) {
        inClass = c != ']';
      } else if (c == '[') {
        inClass = true;
      } else if (c == '(' && (re.startsWith("(?<", i) || re.startsWith("(?P<", i))) {
        int open = re.indexOf('<', i) + 1;
        int close = re.indexOf('>', open);
        char first = open < re.length() ? re.charAt(open) : '=';
        if (close > open && first != '=' && first != '!') {
          names.add(re.substring(open, close));
          b.append("(?<g").append(names.size()).append('>');
          i = close + 1;
          continue;
        }
      }
      b.append(c);
      i++;
    }
    return b.toString();
  }

  private Pattern compile(Token at, String re, int flags) {
    try {
      return Pattern.compile(re, flags);
    } catch (RuntimeException | StackOverflowError bad) {
      String why =
          bad instanceof java.util.regex.PatternSyntaxException pse
              ? pse.getDescription()
              : "too complex";
      throw error(at, "invalid regular expression: " + why);
    }
  }

  // ---- expressions

  private Expr expr() {
    enter();
    Expr left = and();
    while (acceptWord("or")) {
      left = new Expr.Binary(Expr.Op.OR, left, and());
    }
    depth--;
    return left;
  }

  private Expr and() {
    Expr left = not();
    while (acceptWord("and")) {
      left = new Expr.Binary(Expr.Op.AND, left, not());
    }
    return left;
  }

  private Expr not() {
    if (peek().isWord("not")) {
      next();
      enter();
      Expr e = new Expr.Not(not());
      depth--;
      return e;
    }
    return comparison();
  }

  private Expr comparison() {
    Expr left = additive();
    Token t = peek();
    Expr.Op op =
        switch (t.kind()) {
          case EQ -> Expr.Op.EQ;
          case NE -> Expr.Op.NE;
          case LT -> Expr.Op.LT;
          case LE -> Expr.Op.LE;
          case GT -> Expr.Op.GT;
          case GE -> Expr.Op.GE;
          default -> null;
        };
    if (op != null) {
      next();
      return new Expr.Binary(op, left, additive());
    }
    if (t.kind() == Token.Kind.MATCH) {
      next();
      Token re = next();
      if (re.kind() != Token.Kind.REGEX && re.kind() != Token.Kind.STRING) {
        throw unexpected(re, "a /regular expression/ after =~");
      }
      return new Expr.Matches(left, compile(re, re.text(), 0), false);
    }
    boolean negated = false;
    if (t.isWord("not") && (peek(1).isWord("like") || peek(1).isWord("in"))) {
      next();
      negated = true;
    }
    if (acceptWord("like")) {
      Token re = next();
      return switch (re.kind()) {
        case STRING -> new Expr.Contains(left, re.text(), negated);
        case REGEX -> new Expr.Matches(left, compile(re, re.text(), 0), negated);
        default -> throw unexpected(re, "a \"string\" or /regular expression/ after like");
      };
    }
    if (acceptWord("in")) {
      expect(Token.Kind.LBRACKET, "[ after in");
      List<Expr> items = new ArrayList<>();
      if (peek().kind() != Token.Kind.RBRACKET) {
        do {
          items.add(additive());
        } while (accept(Token.Kind.COMMA));
      }
      expect(Token.Kind.RBRACKET, "] or , in the list");
      return new Expr.In(left, List.copyOf(items), negated);
    }
    return left;
  }

  private Expr additive() {
    Expr left = multiplicative();
    while (true) {
      if (accept(Token.Kind.PLUS)) {
        left = new Expr.Binary(Expr.Op.ADD, left, multiplicative());
      } else if (accept(Token.Kind.MINUS)) {
        left = new Expr.Binary(Expr.Op.SUB, left, multiplicative());
      } else {
        return left;
      }
    }
  }

  private Expr multiplicative() {
    Expr left = power();
    while (true) {
      if (accept(Token.Kind.STAR)) {
        left = new Expr.Binary(Expr.Op.MUL, left, power());
      } else if (accept(Token.Kind.SLASH)) {
        left = new Expr.Binary(Expr.Op.DIV, left, power());
      } else if (accept(Token.Kind.PERCENT)) {
        left = new Expr.Binary(Expr.Op.MOD, left, power());
      } else {
        return left;
      }
    }
  }

  private Expr power() {
    Expr base = unary();
    if (accept(Token.Kind.CARET)) {
      enter();
      Expr e = new Expr.Binary(Expr.Op.POW, base, power());
      depth--;
      return e;
    }
    return base;
  }

  private Expr unary() {
    if (accept(Token.Kind.MINUS)) {
      enter();
      Expr e = new Expr.Negate(unary());
      depth--;
      return e;
    }
    return primary();
  }

  private Expr primary() {
    Token t = peek();
    switch (t.kind()) {
      case NUMBER -> {
        next();
        return new Expr.Literal(Double.parseDouble(t.text()));
      }
      case STRING -> {
        next();
        return new Expr.Literal(t.text());
      }
      case QUOTED_FIELD -> {
        next();
        return new Expr.Field(t.text());
      }
      case LPAREN -> {
        next();
        Expr e = expr();
        expect(Token.Kind.RPAREN, ")");
        return e;
      }
      case WORD -> {
        if (peek(1).kind() == Token.Kind.LPAREN) {
          return call();
        }
        if (RESERVED.contains(t.text().toLowerCase(Locale.ROOT))) {
          throw unexpected(t, "a field, literal or function");
        }
        next();
        return new Expr.Field(t.text());
      }
      case PERIOD ->
          throw error(
              t,
              "a time period such as "
                  + t.text()
                  + " is only valid in bin, datefloor and dateceil");
      default -> throw unexpected(t, "a field, literal or function");
    }
  }

  private Expr call() {
    Token nameToken = next();
    next(); // (
    String name = nameToken.text().toLowerCase(Locale.ROOT);
    if (AGGREGATIONS.contains(name) && (aggregations == null || inAggregation) && seenStats) {
      return columnReference(nameToken);
    }
    Optional<Aggregation> agg = aggregation(nameToken, name);
    if (agg.isPresent()) {
      aggregations.add(agg.get());
      return new Expr.Agg(agg.get(), aggregations.size() - 1);
    }
    ScalarFunction f =
        ScalarFunction.of(name)
            .orElseThrow(() -> error(nameToken, "unknown function " + nameToken.text()));
    List<Expr> args = new ArrayList<>();
    switch (f) {
      case BIN -> args.add(period());
      case DATEFLOOR, DATECEIL -> {
        args.add(expr());
        expect(Token.Kind.COMMA, ", and a time period");
        args.add(period());
      }
      default -> {
        if (peek().kind() != Token.Kind.RPAREN) {
          do {
            args.add(expr());
          } while (accept(Token.Kind.COMMA));
        }
      }
    }
    expect(Token.Kind.RPAREN, ") after the arguments of " + name);
    if (args.size() < f.minArgs || args.size() > f.maxArgs) {
      throw error(
          nameToken,
          name
              + " takes "
              + (f.minArgs == f.maxArgs
                  ? "" + f.minArgs
                  : f.minArgs + " to " + (f.maxArgs == Integer.MAX_VALUE ? "any" : f.maxArgs))
              + " arguments, not "
              + args.size());
    }
    String text = q.substring(nameToken.start(), lastEnd());
    if (statsColumns.contains(text)) {
      // After stats, bin(5m) (or any grouping expression) names the column stats produced.
      return new Expr.Field(text);
    }
    return new Expr.Call(f, List.copyOf(args));
  }

  /**
   * After a stats command, an aggregation written outside one (for example {@code sort count(*)
   * desc}) names the column that stats produced under that text; the call is skipped, not parsed.
   */
  private Expr columnReference(Token nameToken) {
    int open = 1;
    while (open > 0) {
      Token t = next();
      switch (t.kind()) {
        case LPAREN -> open++;
        case RPAREN -> open--;
        case EOF -> throw unexpected(t, ") to close " + nameToken.text() + "(");
        default -> {}
      }
    }
    return new Expr.Field(q.substring(nameToken.start(), lastEnd()));
  }

  private Expr period() {
    Token t = next();
    if (t.kind() != Token.Kind.PERIOD) {
      throw unexpected(t, "a time period such as 5m or 1h");
    }
    int split = 0;
    while (split < t.text().length() && Values.isDigit(t.text().charAt(split))) {
      split++;
    }
    String digits = t.text().substring(0, split);
    Optional<Period.Unit> unit = Period.Unit.of(t.text().substring(split));
    if (unit.isEmpty() || digits.isEmpty()) {
      throw error(t, "unknown time period " + t.text());
    }
    long amount = digits.length() > 12 ? 0 : Long.parseLong(digits);
    if (amount < 1 || amount > 1_000_000_000L) {
      throw error(t, "time period out of range: " + t.text());
    }
    return new Expr.PeriodLiteral(new Period(amount, unit.get(), t.text()));
  }

  /** Parses the arguments of an aggregation call if {@code name} is one; after the "(". */
  private Optional<Aggregation> aggregation(Token at, String name) {
    if (!AGGREGATIONS.contains(name)) {
      return Optional.empty();
    }
    if (aggregations == null || inAggregation) {
      throw error(at, "the aggregation function " + at.text() + " is only allowed in stats");
    }
    inAggregation = true; // no aggregation inside an aggregation
    try {
      if (name.equals("count")) {
        if (accept(Token.Kind.RPAREN)) {
          return Optional.of(new AggCount(Optional.empty()));
        }
        if (peek().kind() == Token.Kind.STAR && peek(1).kind() == Token.Kind.RPAREN) {
          next();
          next();
          return Optional.of(new AggCount(Optional.empty()));
        }
      }
      Expr arg = expr();
      Aggregation a;
      if (name.equals("pct")) {
        expect(Token.Kind.COMMA, ", and a percentile");
        Token n = expect(Token.Kind.NUMBER, "a percentile from 0 to 100");
        double pct = Double.parseDouble(n.text());
        if (pct > 100) {
          throw error(n, "the percentile must be from 0 to 100");
        }
        a = new AggPercentile(arg, pct);
      } else {
        a =
            switch (name) {
              case "count" -> new AggCount(Optional.of(arg));
              case "count_distinct" -> new AggCountDistinct(arg);
              case "sum" -> new AggSum(arg);
              case "avg" -> new AggAvg(arg);
              case "min" -> new AggMin(arg);
              case "max" -> new AggMax(arg);
              case "stddev" -> new AggStddev(arg);
              case "earliest" -> new AggEarliest(arg);
              case "latest" -> new AggLatest(arg);
              case "sortsfirst" -> new AggSortsFirst(arg);
              default -> new AggSortsLast(arg);
            };
      }
      expect(Token.Kind.RPAREN, ") after the argument of " + name);
      return Optional.of(a);
    } finally {
      inAggregation = false;
    }
  }
}
