package io.cwlogs.core;

import io.cwlogs.core.spi.LogStore;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.services.cloudwatchlogs.model.CloudWatchLogsResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.PutLogEventsResponse;

/**
 * The CloudWatch Logs service: every implemented operation, behind one {@link #execute} call.
 *
 * <p>The protocol layer decodes a request into the SDK's request class (see {@link #requestType}), and
 * this class validates it against the service model, runs the operation's handler and returns the SDK
 * response. Capabilities live in their own classes ({@link LogGroups}, {@link LogStreams},
 * {@link EventIngest}, {@link EventReads}, {@link EventSearch}, {@link Tags}); background work
 * ({@link RetentionSweeper}) runs on the same catalog.
 */
public final class LogsService implements AutoCloseable {

  /** Settings of the service itself (the server adds its own). */
  public record Options(long retentionSweepMillis, DeliveryTargets deliveryTargets, ExportStore exportStore) {

    /**
     * No subscription routes (PutSubscriptionFilter refuses every destination) and exports into
     * {@code ./exports}.
     */
    public Options(long retentionSweepMillis) {
      this(retentionSweepMillis, DeliveryTargets.none(), new DirectoryExportStore(java.nio.file.Path.of("exports")));
    }

    public static Options defaults() {
      return new Options(60_000);
    }
  }

  private final OperationTable operations = new OperationTable();
  private final RequestValidator validator = RequestValidator.shared();
  private final PutLogEventsValidator putLogEventsValidator = new PutLogEventsValidator(validator);
  private final EventIngest ingest;
  private final Catalog catalog;
  private final Clock clock;
  private final RetentionSweeper sweeper;
  private final ScheduledExecutorService background;
  private final SubscriptionDelivery delivery;
  private final MetricEmitter metrics;
  private final ExportTasks exports;
  private final InsightsQueries insights;
  private final ScanWorkers scanWorkers = ScanWorkers.perCore();

  public LogsService(LogStore store, Clock clock, Options options) {
    this.catalog = new Catalog(store);
    this.clock = clock;
    StreamLocks locks = new StreamLocks();
    SequenceClock sequences = new SequenceClock(clock::millis);
    new LogGroups(catalog).register(operations);
    new LogStreams(catalog, locks).register(operations);
    this.delivery = new SubscriptionDelivery(catalog, options.deliveryTargets(), clock::millis);
    MetricFilterCache metricFilters = new MetricFilterCache(catalog);
    this.metrics = new MetricEmitter(metricFilters, new MetricStore(clock::millis, MetricStore.DEFAULT_MAX_SERIES));
    this.ingest = new EventIngest(catalog, locks, sequences, List.of(delivery, metrics));
    ingest.register(operations);
    new SubscriptionFilters(catalog, delivery, sequences).register(operations);
    new Destinations(catalog).register(operations);
    new ResourcePolicies(catalog).register(operations);
    this.exports = new ExportTasks(catalog, options.exportStore(), clock::millis);
    exports.register(operations);
    new EventReads(catalog).register(operations);
    new EventSearch(catalog, scanWorkers).register(operations);
    new Tags(catalog).register(operations);
    new MetricFilters(catalog, metricFilters).register(operations);
    this.insights = new InsightsQueries(catalog, clock::millis, InsightsQueries.Settings.defaults(), scanWorkers);
    insights.register(operations);
    new LogRecords(catalog).register(operations);
    new QueryDefinitions(catalog).register(operations);
    this.sweeper = new RetentionSweeper(catalog, locks, clock::millis);
    this.background =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "cwlogs-retention");
              t.setDaemon(true);
              return t;
            });
    background.scheduleWithFixedDelay(
        sweeper, options.retentionSweepMillis(), options.retentionSweepMillis(), TimeUnit.MILLISECONDS);
    delivery.startAll();
    exports.resumeAll();
  }

  /** Background work's metrics (subscription delivery, metric filters), in Prometheus text format. */
  public String backgroundMetricsText() {
    return delivery.metrics().prometheusText() + MetricPrometheusText.render(metrics.store());
  }

  /** The metrics metric filters produce (in memory, since the service started). */
  public MetricStore metricFilterMetrics() {
    return metrics.store();
  }

  /** The SDK request class of an implemented operation, for the codec to decode into. */
  public Optional<Class<? extends SdkPojo>> requestType(String operation) {
    return operations.find(operation).map(OperationTable.Operation::requestType);
  }

  /** Whether the operation exists in the CloudWatch Logs API at all (implemented or not). */
  public boolean isApiOperation(String operation) {
    return validator.operations().contains(operation);
  }

  public Set<String> implementedOperations() {
    return operations.names();
  }

  /** Runs one operation: validate, then handle. Throws {@link LogsException} for every AWS error. */
  public CloudWatchLogsResponse execute(String operation, RequestContext ctx, SdkPojo request) {
    OperationTable.Operation op =
        operations.find(operation).orElseThrow(() -> new NotImplementedException(operation));
    checkNameLengths(request);
    validator.validate(operation, request);
    return op.handler().apply(ctx, request);
  }

  /**
   * PutLogEvents for a batch the protocol layer decoded itself (the server's fast path): validated and
   * answered exactly as {@link #execute} answers the SDK request, without an SDK object per event.
   */
  public PutLogEventsResponse putLogEvents(RequestContext ctx, PutLogEventsBatch batch) {
    putLogEventsValidator.validate(batch);
    return ingest.put(ctx, batch);
  }

  /** A clock reading for a new request. */
  public long now() {
    return clock.millis();
  }

  /** The Insights query runner, so tests can change its {@link InsightsQueries.Settings}. */
  public InsightsQueries insights() {
    return insights;
  }

  public RetentionSweeper retentionSweeper() {
    return sweeper;
  }

  /** Wipes every tenant's data (the test-suite reset endpoint). */
  public void reset() {
    for (Tenant tenant : catalog.tenants()) {
      List<LogGroupMeta> groups = new java.util.ArrayList<>();
      catalog.forEachGroup(tenant, groups::add);
      groups.forEach(g -> catalog.deleteGroup(tenant, g));
    }
    metrics.store().clear();
  }

  /**
   * AWS checks log group and stream names for length before the model's constraints, with its own message.
   */
  private static void checkNameLengths(SdkPojo request) {
    for (SdkField<?> field : request.sdkFields()) {
      String name = field.locationName();
      if ((name.equals("logGroupName") || name.equals("logStreamName"))
          && field.getValueOrDefault(request) instanceof String value) {
        checkNameLength(value);
      }
    }
  }

  /** The check above for one log group or stream name. */
  static void checkNameLength(String name) {
    if (name.getBytes(StandardCharsets.UTF_8).length > Limits.MAX_NAME_LENGTH) {
      throw new InvalidParameterException(
          "Invalid LogGroup or LogStream, both must have length less than or equal to 512.");
    }
  }

  @Override
  public void close() {
    background.shutdownNow();
    delivery.close();
    exports.close();
    insights.close();
    scanWorkers.close();
  }
}
