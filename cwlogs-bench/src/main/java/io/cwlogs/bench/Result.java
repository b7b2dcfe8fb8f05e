package io.cwlogs.bench;

/**
 * One measured workload on one endpoint.
 *
 * @param workload the workload's name, the same on every endpoint (results are matched by it)
 * @param detail what this endpoint did (events matched, pages, events per page, ...)
 * @param eventsPerSecond events stored, read or matched per second; NaN where it means nothing
 * @param megabytesPerSecond message bytes stored, read or scanned per second (10^6); NaN if unknown
 * @param latency per-request latencies
 */
record Result(String workload, String detail, double eventsPerSecond, double megabytesPerSecond,
    Latencies.Summary latency) {}
