package io.cwlogs.insights;

/**
 * One command of a query's pipeline: the closed set of commands, one record per command.
 *
 * <p>Commands are either streaming (applied to each row as it arrives: {@link FilterCommand},
 * {@link FieldsCommand}, {@link DisplayCommand}, {@link ParseCommand}, {@link UnmaskCommand},
 * {@link LimitCommand}) or blocking (they must see every row before they emit: {@link
 * StatsCommand}, {@link SortCommand}, {@link DedupCommand}); see {@link QueryExecution}.
 */
sealed interface Command
    permits FieldsCommand,
        DisplayCommand,
        FilterCommand,
        StatsCommand,
        SortCommand,
        LimitCommand,
        ParseCommand,
        DedupCommand,
        UnmaskCommand {}
