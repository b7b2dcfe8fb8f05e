/**
 * The CloudWatch Logs service: AWS's operations with AWS's semantics, over a storage SPI.
 *
 * <p>{@link io.cwlogs.core.LogsService} is the entry point: the protocol layer (cwlogs-server) hands it
 * an operation name, a {@link io.cwlogs.core.RequestContext} and the request decoded into the AWS SDK for
 * Java's request class; it validates the request against the service model's constraints
 * ({@link io.cwlogs.core.RequestValidator}, from {@code logs-constraints.json}) and dispatches it through
 * the {@link io.cwlogs.core.OperationTable} to a capability class: {@link io.cwlogs.core.LogGroups},
 * {@link io.cwlogs.core.LogStreams}, {@link io.cwlogs.core.EventIngest} (PutLogEvents),
 * {@link io.cwlogs.core.EventReads} (GetLogEvents), {@link io.cwlogs.core.EventSearch}
 * (FilterLogEvents), {@link io.cwlogs.core.Tags}. PutLogEvents also has a direct entry,
 * {@link io.cwlogs.core.LogsService#putLogEvents}, for a {@link io.cwlogs.core.PutLogEventsBatch} the
 * server decodes straight from the wire (events as {@link io.cwlogs.core.LogEventArrays}), checked by
 * {@link io.cwlogs.core.PutLogEventsValidator} with the generic validation's exact errors; the SDK request
 * is converted into the same batch, so {@code EventIngest} has one implementation.
 *
 * <p>Searching: {@link io.cwlogs.core.GroupScan} merges a group's streams by (timestamp, sequence, stream
 * id) over storage scans that apply the filter pattern to raw message bytes; {@code ScanPlan} cuts big
 * ranges into per-stream time slices that {@code ReadAheadSource}s scan on the shared
 * {@link io.cwlogs.core.ScanWorkers} pool (one thread per core), and {@code SourceHeap} merges them
 * without allocating per event.
 *
 * <p>Metadata (groups, streams) are JSON documents in the store, read and written through
 * {@link io.cwlogs.core.Catalog}; events are appended per stream together with the stream's updated
 * document. Errors are {@link io.cwlogs.core.LogsException} subclasses named after AWS's error codes;
 * quotas are in {@link io.cwlogs.core.Limits}. Background work ({@link io.cwlogs.core.RetentionSweeper})
 * runs on the same catalog and store.
 *
 * <p>Delivery and export: {@link io.cwlogs.core.SubscriptionFilters} stores filters and
 * {@link io.cwlogs.core.SubscriptionDelivery} (an {@code IngestListener}) runs one
 * {@link io.cwlogs.core.SubscriptionPump} per filter, which sends {@link io.cwlogs.core.DeliveryPayload}s
 * to a {@link io.cwlogs.core.DeliverySink} chosen by {@link io.cwlogs.core.DeliveryTargets}, with durable
 * per-stream cursors. {@link io.cwlogs.core.Destinations} guards cross-account subscriptions with an
 * {@link io.cwlogs.core.AccessPolicy}; {@link io.cwlogs.core.ExportTasks} writes to an
 * {@link io.cwlogs.core.ExportStore}; {@link io.cwlogs.core.ResourcePolicies} keeps resource policies.
 *
 * <p>Metric filters: {@link io.cwlogs.core.MetricFilters} stores them; {@link io.cwlogs.core.MetricEmitter}
 * (an {@code IngestListener}) runs each ingested batch through the group's compiled filters
 * ({@code MetricFilterCache}) into the in-memory {@link io.cwlogs.core.MetricStore}, per series and
 * event-time minute; the server reads it back as Prometheus text and JSON (docs/metrics.md).
 *
 * <p>Logs Insights: {@link io.cwlogs.core.InsightsQueries} (StartQuery, GetQueryResults, StopQuery,
 * DescribeQueries) resolves the groups ({@code QueryGroups}, {@code QuerySource}) and runs each
 * {@code QueryRun} on a small pool, where {@code QueryRunner} merges the groups' streams newest first with
 * {@link io.cwlogs.core.GroupScan} into a cwlogs-insights execution; {@code RecordPointer} is the
 * {@code @ptr} that {@link io.cwlogs.core.LogRecords} (GetLogRecord, GetLogGroupFields) reads back;
 * {@link io.cwlogs.core.QueryDefinitions} keeps saved queries as documents.
 */
package io.cwlogs.core;
