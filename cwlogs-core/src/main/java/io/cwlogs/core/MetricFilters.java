package io.cwlogs.core;

import io.cwlogs.filter.FilterPattern;
import io.cwlogs.filter.InvalidMetricTransformationException;
import io.cwlogs.filter.MetricValueExtractor;
import io.cwlogs.core.spi.StoredDocument;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.cloudwatchlogs.model.DeleteMetricFilterRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.DeleteMetricFilterResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.DescribeMetricFiltersRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.DescribeMetricFiltersResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.MetricFilter;
import software.amazon.awssdk.services.cloudwatchlogs.model.MetricFilterMatchRecord;
import software.amazon.awssdk.services.cloudwatchlogs.model.MetricTransformation;
import software.amazon.awssdk.services.cloudwatchlogs.model.PutMetricFilterRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.PutMetricFilterResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.TestMetricFilterRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.TestMetricFilterResponse;

/**
 * Metric filters: put, describe, delete, and TestMetricFilter.
 *
 * <p>A pattern and its metric value and dimensions are checked on put with the same compiler that later
 * evaluates them, so a stored filter always compiles. Listing across groups walks the tenant's groups in
 * name order and each group's filters in name order; the token carries (group, filter) of the last one.
 */
public final class MetricFilters {

  private final Catalog catalog;
  private final MetricFilterCache compiled;

  MetricFilters(Catalog catalog, MetricFilterCache compiled) {
    this.catalog = catalog;
    this.compiled = compiled;
  }

  public void register(OperationTable table) {
    table.on(PutMetricFilterRequest.class, this::put);
    table.on(DescribeMetricFiltersRequest.class, this::describe);
    table.on(DeleteMetricFilterRequest.class, this::delete);
    table.on(TestMetricFilterRequest.class, this::test);
  }

  PutMetricFilterResponse put(RequestContext ctx, PutMetricFilterRequest request) {
    LogGroupMeta group = catalog.group(ctx.tenant(), request.logGroupName());
    FilterPattern pattern = EventFilters.pattern(request.filterPattern());
    List<MetricFilterDoc.Transformation> transformations = new ArrayList<>();
    for (MetricTransformation t : request.metricTransformations()) {
      Map<String, String> dimensions = t.hasDimensions() ? t.dimensions() : Map.of();
      if (!dimensions.isEmpty() && t.defaultValue() != null) {
        throw new InvalidParameterException("A metric transformation cannot have both dimensions and a default value.");
      }
      try {
        MetricValueExtractor.create(pattern, t.metricValue(), dimensions);
      } catch (InvalidMetricTransformationException e) {
        throw new InvalidParameterException(e.getMessage());
      }
      transformations.add(new MetricFilterDoc.Transformation(
          t.metricName(), t.metricNamespace(), t.metricValue(), t.defaultValue() != null,
          Optional.ofNullable(t.defaultValue()).orElse(0.0), dimensions,
          Optional.ofNullable(t.unitAsString()).orElse("None")));
    }
    String scope = MetricFilterScopes.scope(ctx.tenant(), group.id());
    List<StoredDocument> existing = catalog.store().list(scope, "", Limits.MAX_METRIC_FILTERS_PER_GROUP + 1);
    boolean replacing = catalog.store().get(scope, request.filterName()).isPresent();
    if (!replacing && existing.size() >= Limits.MAX_METRIC_FILTERS_PER_GROUP) {
      throw new LimitExceededException("Resource limit exceeded.");
    }
    if (pattern.regexCount() > 0 && !replacing && regexFilters(existing) >= Limits.MAX_REGEX_FILTERS_PER_GROUP) {
      throw new LimitExceededException("Resource limit exceeded.");
    }
    MetricFilterDoc doc = new MetricFilterDoc(
        request.filterName(), group.name(), request.filterPattern(), ctx.now(),
        Boolean.TRUE.equals(request.applyOnTransformedLogs()), transformations);
    catalog.store().put(scope, request.filterName(), DocumentCodec.encode(doc));
    compiled.invalidate(ctx.tenant(), group.id());
    return PutMetricFilterResponse.builder().build();
  }

  private static long regexFilters(List<StoredDocument> docs) {
    return docs.stream()
        .map(d -> DocumentCodec.decode(d.value(), MetricFilterDoc.class))
        .filter(f -> FilterPattern.compile(f.filterPattern()).regexCount() > 0)
        .count();
  }

  DeleteMetricFilterResponse delete(RequestContext ctx, DeleteMetricFilterRequest request) {
    LogGroupMeta group = catalog.group(ctx.tenant(), request.logGroupName());
    String scope = MetricFilterScopes.scope(ctx.tenant(), group.id());
    if (catalog.store().get(scope, request.filterName()).isEmpty()) {
      throw new ResourceNotFoundException("The specified resource does not exist.");
    }
    catalog.store().delete(scope, request.filterName());
    compiled.invalidate(ctx.tenant(), group.id());
    return DeleteMetricFilterResponse.builder().build();
  }

  DescribeMetricFiltersResponse describe(RequestContext ctx, DescribeMetricFiltersRequest request) {
    if (request.filterNamePrefix() != null && request.logGroupName() == null) {
      throw new InvalidParameterException(
          "If you include the filterNamePrefix parameter in your request, you must also include the logGroupName parameter.");
    }
    if ((request.metricName() == null) != (request.metricNamespace() == null)) {
      throw new InvalidParameterException(request.metricName() != null
          ? "If you include the metricName parameter in your request, you must also include the metricNamespace parameter."
          : "If you include the metricNamespace parameter in your request, you must also include the metricName parameter.");
    }
    int limit = Optional.ofNullable(request.limit()).orElse(Limits.DEFAULT_DESCRIBE_LIMIT);
    String prefix = Optional.ofNullable(request.filterNamePrefix()).orElse("");
    Optional<String[]> after = Optional.ofNullable(request.nextToken()).map(t -> {
      String[] parts = PageTokens.decode("mf", t).split("\u0000", 2);
      if (parts.length != 2) {
        throw PageTokens.invalid();
      }
      return parts;
    });
    List<LogGroupMeta> groups = new ArrayList<>();
    if (request.logGroupName() != null) {
      groups.add(catalog.group(ctx.tenant(), request.logGroupName()));
    } else {
      catalog.forEachGroup(ctx.tenant(), groups::add);
    }
    List<MetricFilter> page = new ArrayList<>();
    String lastGroup = null;
    String lastFilter = null;
    boolean more = false;
    outer:
    for (LogGroupMeta group : groups) {
      if (after.isPresent() && LogStreams.compareUtf8(group.name(), after.get()[0]) < 0) {
        continue;
      }
      for (StoredDocument d : catalog.store().list(MetricFilterScopes.scope(ctx.tenant(), group.id()), prefix, Limits.MAX_METRIC_FILTERS_PER_GROUP)) {
        MetricFilterDoc f = DocumentCodec.decode(d.value(), MetricFilterDoc.class);
        if (!f.filterName().startsWith(prefix)) {
          break;
        }
        if (after.isPresent() && group.name().equals(after.get()[0])
            && LogStreams.compareUtf8(f.filterName(), after.get()[1]) <= 0) {
          continue;
        }
        if (request.metricName() != null && f.transformations().stream().noneMatch(
            t -> t.metricName().equals(request.metricName()) && t.metricNamespace().equals(request.metricNamespace()))) {
          continue;
        }
        if (page.size() == limit) {
          more = true;
          break outer;
        }
        page.add(toApi(f));
        lastGroup = group.name();
        lastFilter = f.filterName();
      }
    }
    return DescribeMetricFiltersResponse.builder()
        .metricFilters(page)
        .nextToken(more ? PageTokens.encode("mf", lastGroup + "\u0000" + lastFilter) : null)
        .build();
  }

  TestMetricFilterResponse test(RequestContext ctx, TestMetricFilterRequest request) {
    FilterPattern pattern = EventFilters.pattern(request.filterPattern());
    List<MetricFilterMatchRecord> matches = new ArrayList<>();
    List<String> messages = request.logEventMessages();
    for (int i = 0; i < messages.size(); i++) {
      String message = messages.get(i);
      if (pattern.matches(message)) {
        // eventNumber counts from 1 (docs/design-decisions.md).
        matches.add(MetricFilterMatchRecord.builder()
            .eventNumber((long) i + 1)
            .eventMessage(message)
            .extractedValues(pattern.extractedValues(message))
            .build());
      }
    }
    return TestMetricFilterResponse.builder().matches(matches).build();
  }

  static MetricFilter toApi(MetricFilterDoc f) {
    List<MetricTransformation> transformations = new ArrayList<>();
    for (MetricFilterDoc.Transformation t : f.transformations()) {
      MetricTransformation.Builder b = MetricTransformation.builder()
          .metricName(t.metricName())
          .metricNamespace(t.metricNamespace())
          .metricValue(t.metricValue())
          .unit(t.unit());
      if (t.hasDefault()) {
        b.defaultValue(t.defaultValue());
      }
      if (!t.dimensions().isEmpty()) {
        b.dimensions(t.dimensions());
      }
      transformations.add(b.build());
    }
    return MetricFilter.builder()
        .filterName(f.filterName())
        .filterPattern(f.filterPattern())
        .metricTransformations(transformations)
        .creationTime(f.creationTime())
        .logGroupName(f.logGroupName())
        .applyOnTransformedLogs(f.applyOnTransformedLogs())
        .build();
  }
}
