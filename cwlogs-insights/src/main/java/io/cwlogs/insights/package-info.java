/**
 * The Logs Insights query language (Logs Insights QL, {@code CWLI}): parse a query string, then run
 * it over an event scan that the service feeds in.
 *
 * <p>{@link io.cwlogs.insights.InsightsQuery#parse} turns text into an immutable query through the
 * {@code Lexer} and the recursive-descent {@code Parser}; every problem is a {@link
 * io.cwlogs.insights.MalformedQueryException} with AWS's {@code QueryCompileError} details. A query
 * is a list of {@code Command}s (one record per command: {@code FieldsCommand}, {@code
 * FilterCommand}, {@code StatsCommand}, {@code ParseCommand}, ...) whose expressions are {@code
 * Expr} trees, with {@code ScalarFunction}s and {@code Aggregation}s (one record per function:
 * {@code AggCount}, {@code AggPercentile}, ...).
 *
 * <p>{@link io.cwlogs.insights.QueryExecution} runs one query: the service calls {@code accept} for
 * each {@link io.cwlogs.insights.QueryEvent} of its scan, newest first, and reads {@code results()}
 * (rows of {@link io.cwlogs.insights.ResultField}) whenever GetQueryResults asks. Commands before
 * the first {@code stats}, {@code sort} or {@code dedup} stream; that command keeps state bounded
 * by the number of groups or the row limit ({@code GroupTable}, {@code SortBuffer}, {@code
 * DedupBuffer}); the commands after it run over its snapshot. A {@code Row} resolves fields lazily:
 * system fields from the event, JSON fields through {@code JsonFields} only when a query needs one.
 *
 * <p>Values are dynamically typed ({@code Values}): strings, numbers, timestamps ({@code DateTime})
 * and booleans, rendered as GetQueryResults shows them; {@code sort} uses AWS's natural order
 * ({@code NaturalOrder}). {@link io.cwlogs.insights.LogGroupFields} serves GetLogGroupFields.
 * Deliberate choices where AWS's behaviour is undocumented are listed in
 * docs/design-decisions-insights.md.
 */
package io.cwlogs.insights;
