package io.cwlogs.core;

import io.cwlogs.core.spi.StoredDocument;
import io.cwlogs.filter.FilterPattern;
import io.cwlogs.filter.MetricValueExtractor;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A log group's metric filters, compiled once and kept until the group's filters change.
 *
 * <p>Loaded from the store on the first ingest into a group (a group without filters caches an empty
 * list, so ingestion into it costs one map lookup). {@link MetricFilters} calls {@link #invalidate}
 * after every put and delete; loading happens inside {@code computeIfAbsent}, which the invalidating
 * {@code remove} waits for, so a load that read the old filters cannot outlive the change. A deleted group
 * leaves its entry behind (its id is never reused); the whole cache is dropped when it grows past
 * {@link #MAX_GROUPS}, which only costs reloads.
 */
final class MetricFilterCache {

  static final int MAX_GROUPS = 10_000;

  /** One stored filter, ready to run. {@code id} tells filters of one tenant apart. */
  record Compiled(String id, MetricFilterDoc.Transformation transformation, MetricValueExtractor extractor) {}

  private record GroupKey(Tenant tenant, long groupId) {}

  private final Catalog catalog;
  private final Map<GroupKey, List<Compiled>> cache = new ConcurrentHashMap<>();

  MetricFilterCache(Catalog catalog) {
    this.catalog = catalog;
  }

  List<Compiled> filters(Tenant tenant, long groupId) {
    GroupKey key = new GroupKey(tenant, groupId);
    List<Compiled> cached = cache.get(key);
    if (cached != null) {
      return cached;
    }
    if (cache.size() >= MAX_GROUPS) {
      cache.clear();
    }
    return cache.computeIfAbsent(key, k -> load(tenant, groupId));
  }

  void invalidate(Tenant tenant, long groupId) {
    cache.remove(new GroupKey(tenant, groupId));
  }

  private List<Compiled> load(Tenant tenant, long groupId) {
    List<Compiled> out = new ArrayList<>();
    String scope = MetricFilterScopes.scope(tenant, groupId);
    for (StoredDocument d : catalog.store().list(scope, "", Limits.MAX_METRIC_FILTERS_PER_GROUP)) {
      MetricFilterDoc f = DocumentCodec.decode(d.value(), MetricFilterDoc.class);
      // PutMetricFilter compiled the same text with the same compiler, so this cannot fail.
      FilterPattern pattern = FilterPattern.compile(f.filterPattern());
      for (MetricFilterDoc.Transformation t : f.transformations()) {
        out.add(new Compiled(
            Long.toUnsignedString(groupId, 36) + "/" + f.filterName(),
            t,
            MetricValueExtractor.create(pattern, t.metricValue(), t.dimensions())));
      }
    }
    return List.copyOf(out);
  }
}
