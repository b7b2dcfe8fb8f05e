package io.cwlogs.core;

import io.cwlogs.core.spi.StoredEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.LongSupplier;

/**
 * Runs every subscription filter's delivery: one {@link SubscriptionPump} per filter, fed by ingestion.
 *
 * <p>As an {@link IngestListener} it hands each stored batch to the pumps of the batch's log group and
 * returns at once. {@link #startAll} starts a pump for every stored filter when the service starts, and
 * each pump catches up from its durable cursors; {@link SubscriptionFilters} starts, replaces and stops
 * pumps as filters are put and deleted.
 *
 * <p>Routing: a filter's destination ARN is looked up in {@link DeliveryTargets}; a CloudWatch Logs
 * destination ARN resolves, at every delivery, to its owner's destination document and then to that
 * destination's target ARN (unless the destination ARN itself has a route). A deleted destination makes
 * its filters drop what they would deliver, as AWS "eventually disables" them.
 */
public final class SubscriptionDelivery implements IngestListener, AutoCloseable {

  private record GroupKey(Tenant tenant, long groupId) {}

  private final Catalog catalog;
  private final DeliveryTargets targets;
  private final LongSupplier clock;
  private final DeliveryMetrics metrics = new DeliveryMetrics();
  private final Map<GroupKey, List<SubscriptionPump>> pumps = new ConcurrentHashMap<>();

  public SubscriptionDelivery(Catalog catalog, DeliveryTargets targets, LongSupplier clock) {
    this.catalog = catalog;
    this.targets = targets;
    this.clock = clock;
    metrics.pendingEvents(
        () -> pumps.values().stream().flatMap(List::stream).mapToLong(SubscriptionPump::pendingEvents).sum());
  }

  public DeliveryMetrics metrics() {
    return metrics;
  }

  DeliveryTargets targets() {
    return targets;
  }

  @Override
  public void onAppended(Tenant tenant, LogGroupMeta group, LogStreamMeta stream, List<StoredEvent> events) {
    List<SubscriptionPump> list = pumps.get(new GroupKey(tenant, group.id()));
    if (list != null) {
      for (SubscriptionPump pump : list) {
        pump.offer(stream, events);
      }
    }
  }

  /** Starts delivery for every stored filter of every tenant (service start). */
  public void startAll() {
    for (Tenant tenant : catalog.tenants()) {
      List<LogGroupMeta> groups = new ArrayList<>();
      catalog.forEachGroup(tenant, groups::add);
      for (LogGroupMeta group : groups) {
        catalog.forEachDocument(
            SubscriptionFilterMeta.scope(tenant, group.id()),
            doc -> start(tenant, DocumentCodec.decode(doc.value(), SubscriptionFilterMeta.class), false));
      }
    }
  }

  /** Starts (or restarts, after a change) a filter's delivery. */
  void start(Tenant tenant, SubscriptionFilterMeta filter, boolean sendControlMessage) {
    stop(tenant, filter.groupId(), filter.filterName());
    SubscriptionPump pump =
        new SubscriptionPump(tenant, filter, catalog.store(), this::route, metrics, clock, sendControlMessage);
    // Registered before the pump looks at the streams, so no append falls between the two.
    pumps.computeIfAbsent(new GroupKey(tenant, filter.groupId()), k -> new CopyOnWriteArrayList<>()).add(pump);
    List<LogStreamMeta> streams = new ArrayList<>();
    catalog.forEachStream(tenant, filter.groupId(), streams::add);
    pump.start(streams);
  }

  /** Stops a filter's delivery (its cursors stay until the filter is deleted). */
  void stop(Tenant tenant, long groupId, String filterName) {
    List<SubscriptionPump> list = pumps.get(new GroupKey(tenant, groupId));
    if (list == null) {
      return;
    }
    for (SubscriptionPump pump : list) {
      if (pump.filter().filterName().equals(filterName)) {
        list.remove(pump);
        pump.stop();
      }
    }
  }

  /** Where a filter delivers now, or empty when its logs destination no longer exists. */
  Optional<SubscriptionPump.Route> route(SubscriptionFilterMeta filter) {
    String arn = filter.destinationArn();
    TargetKind kind = TargetKind.of(arn).orElseThrow();
    if (kind == TargetKind.LOGS_DESTINATION) {
      Optional<DestinationMeta> destination = Destinations.find(catalog, arn);
      if (destination.isEmpty()) {
        return Optional.empty();
      }
      String target = destination.get().targetArn();
      TargetKind targetKind = TargetKind.of(target).orElse(TargetKind.KINESIS);
      Optional<DeliverySink> own = targets.explicitSink(arn);
      return own.or(() -> targets.sink(target)).map(s -> new SubscriptionPump.Route(targetKind, target, s));
    }
    return targets.sink(arn).map(s -> new SubscriptionPump.Route(kind, arn, s));
  }

  @Override
  public void close() {
    pumps.values().forEach(list -> list.forEach(SubscriptionPump::stop));
    for (List<SubscriptionPump> list : pumps.values()) {
      for (SubscriptionPump pump : list) {
        try {
          pump.stopAndWait();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          break;
        }
      }
    }
    pumps.clear();
    targets.close();
  }
}
