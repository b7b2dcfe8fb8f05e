package io.cwlogs.insights;

/** An aggregation function of {@code stats}: the closed set of them, one record per function. */
sealed interface Aggregation
    permits AggCount,
        AggCountDistinct,
        AggSum,
        AggAvg,
        AggMin,
        AggMax,
        AggPercentile,
        AggStddev,
        AggEarliest,
        AggLatest,
        AggSortsFirst,
        AggSortsLast {

  /** A fresh accumulator for one group. */
  Accumulator newAccumulator();
}
