package io.cwlogs.core;

import io.cwlogs.core.spi.StoredDocument;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.services.cloudwatchlogs.model.DeleteSubscriptionFilterRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.DeleteSubscriptionFilterResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.DescribeSubscriptionFiltersRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.DescribeSubscriptionFiltersResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.Distribution;
import software.amazon.awssdk.services.cloudwatchlogs.model.PutSubscriptionFilterRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.PutSubscriptionFilterResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.SubscriptionFilter;

/**
 * Put/Describe/DeleteSubscriptionFilter, with AWS's checks; the delivery itself is
 * {@link SubscriptionDelivery}'s.
 *
 * <p>PutSubscriptionFilter checks, in order: the log group exists; the filter pattern compiles; the
 * destination ARN's vendor is one a subscription can deliver to (Kinesis and Firehose need a
 * {@code roleArn}; Lambda and CloudWatch Logs destinations do not); a logs destination exists and its
 * access policy lets the caller's account subscribe (the owner always may); the ARN has a configured
 * route; at most {@link Limits#MAX_SUBSCRIPTION_FILTERS_PER_GROUP} filters per group. Putting an existing
 * name replaces that filter and keeps its delivery position and creation time.
 */
public final class SubscriptionFilters {

  private final Catalog catalog;
  private final SubscriptionDelivery delivery;
  private final SequenceClock sequences;

  public SubscriptionFilters(Catalog catalog, SubscriptionDelivery delivery, SequenceClock sequences) {
    this.catalog = catalog;
    this.delivery = delivery;
    this.sequences = sequences;
  }

  public void register(OperationTable table) {
    table.on(PutSubscriptionFilterRequest.class, this::put);
    table.on(DescribeSubscriptionFiltersRequest.class, this::describe);
    table.on(DeleteSubscriptionFilterRequest.class, this::delete);
  }

  PutSubscriptionFilterResponse put(RequestContext ctx, PutSubscriptionFilterRequest request) {
    Tenant tenant = ctx.tenant();
    LogGroupMeta group = catalog.group(tenant, request.logGroupName());
    compilePattern(request.filterPattern());
    checkDestination(ctx, request.destinationArn(), request.roleArn());
    String scope = SubscriptionFilterMeta.scope(tenant, group.id());
    Optional<SubscriptionFilterMeta> existing = find(tenant, group.id(), request.filterName());
    if (existing.isEmpty()
        && catalog.store().list(scope, "", Limits.MAX_SUBSCRIPTION_FILTERS_PER_GROUP).size()
            >= Limits.MAX_SUBSCRIPTION_FILTERS_PER_GROUP) {
      throw new LimitExceededException("Resource limit exceeded.");
    }
    SubscriptionFilterMeta meta = new SubscriptionFilterMeta(
        request.filterName(),
        group.name(),
        group.id(),
        request.filterPattern(),
        request.destinationArn(),
        request.roleArn() == null ? "" : request.roleArn(),
        request.distribution() == null ? Distribution.BY_LOG_STREAM.toString() : request.distributionAsString(),
        existing.map(SubscriptionFilterMeta::creationTime).orElse(ctx.now()),
        existing.map(SubscriptionFilterMeta::startSequence).orElseGet(() -> sequences.reserve(1, 0)),
        Boolean.TRUE.equals(request.applyOnTransformedLogs()),
        request.fieldSelectionCriteria() == null ? "" : request.fieldSelectionCriteria(),
        request.hasEmitSystemFields() ? request.emitSystemFields() : List.of());
    catalog.store().put(scope, meta.filterName(), DocumentCodec.encode(meta));
    delivery.start(tenant, meta, true);
    return PutSubscriptionFilterResponse.builder().build();
  }

  DescribeSubscriptionFiltersResponse describe(RequestContext ctx, DescribeSubscriptionFiltersRequest request) {
    LogGroupMeta group = catalog.group(ctx.tenant(), request.logGroupName());
    String prefix = request.filterNamePrefix() == null ? "" : request.filterNamePrefix();
    int limit = request.limit() == null ? Limits.DEFAULT_DESCRIBE_LIMIT : request.limit();
    String from = request.nextToken() == null ? prefix : PageTokens.decode("sf", request.nextToken());
    List<SubscriptionFilter> page = new ArrayList<>();
    String next = null;
    for (StoredDocument doc :
        catalog.store().list(SubscriptionFilterMeta.scope(ctx.tenant(), group.id()), from, limit + 1)) {
      if (!doc.id().startsWith(prefix)) {
        break;
      }
      if (page.size() == limit) {
        next = PageTokens.encode("sf", doc.id());
        break;
      }
      page.add(toSdk(DocumentCodec.decode(doc.value(), SubscriptionFilterMeta.class)));
    }
    return DescribeSubscriptionFiltersResponse.builder().subscriptionFilters(page).nextToken(next).build();
  }

  DeleteSubscriptionFilterResponse delete(RequestContext ctx, DeleteSubscriptionFilterRequest request) {
    Tenant tenant = ctx.tenant();
    LogGroupMeta group = catalog.group(tenant, request.logGroupName());
    SubscriptionFilterMeta meta = find(tenant, group.id(), request.filterName())
        .orElseThrow(() -> new ResourceNotFoundException("The specified subscription filter does not exist."));
    delivery.stop(tenant, group.id(), meta.filterName());
    catalog.store().delete(SubscriptionFilterMeta.scope(tenant, group.id()), meta.filterName());
    String cursors = SubscriptionFilterMeta.cursorScope(tenant, group.id(), meta.filterName());
    List<String> ids = new ArrayList<>();
    catalog.forEachDocument(cursors, doc -> ids.add(doc.id()));
    ids.forEach(id -> catalog.store().delete(cursors, id));
    return DeleteSubscriptionFilterResponse.builder().build();
  }

  private Optional<SubscriptionFilterMeta> find(Tenant tenant, long groupId, String name) {
    return catalog.store()
        .get(SubscriptionFilterMeta.scope(tenant, groupId), name)
        .map(b -> DocumentCodec.decode(b, SubscriptionFilterMeta.class));
  }

  private static void compilePattern(String pattern) {
    try {
      EventFilters.compile(pattern);
    } catch (IllegalArgumentException e) {
      throw new InvalidParameterException("Invalid character(s) in term '" + pattern + "'");
    }
  }

  /** AWS's destination checks, with its messages. */
  private void checkDestination(RequestContext ctx, String arn, String roleArn) {
    String vendor = TargetKind.vendor(arn);
    TargetKind kind = TargetKind.of(arn).orElseThrow(() -> new InvalidParameterException(
        "PutSubscriptionFilter operation cannot work with destinationArn for vendor " + vendor));
    boolean hasRole = roleArn != null && !roleArn.isEmpty();
    if ((kind == TargetKind.KINESIS || kind == TargetKind.FIREHOSE) && !hasRole) {
      throw new InvalidParameterException("destinationArn for vendor " + vendor + " cannot be used without roleArn");
    }
    if (kind == TargetKind.LOGS_DESTINATION) {
      DestinationMeta destination = Destinations.find(catalog, arn)
          .orElseThrow(() -> new ResourceNotFoundException("The specified destination does not exist."));
      String owner = DestinationMeta.parseArn(arn).orElseThrow().getKey().account();
      String caller = ctx.tenant().account();
      boolean allowed = owner.equals(caller)
          || (!destination.accessPolicy().isEmpty()
              && AccessPolicy.parse(destination.accessPolicy()).allows(caller, "logs:PutSubscriptionFilter", arn));
      if (!allowed) {
        throw new AccessDeniedException("User with accountId: " + caller
            + " is not authorized to perform: logs:PutSubscriptionFilter on resource: " + arn);
      }
      if (delivery.targets().route(arn).isEmpty() && delivery.targets().route(destination.targetArn()).isEmpty()) {
        throw unreachable(kind);
      }
      return;
    }
    if (delivery.targets().route(arn).isEmpty()) {
      throw unreachable(kind);
    }
  }

  private static InvalidParameterException unreachable(TargetKind kind) {
    return new InvalidParameterException(switch (kind) {
      case LAMBDA -> "Could not execute the lambda function. Make sure you have given CloudWatch Logs permission to execute your function.";
      case FIREHOSE -> "Could not deliver test message to specified Firehose stream. Check if the given Firehose stream is in ACTIVE state.";
      case KINESIS, LOGS_DESTINATION -> "Could not deliver test message to specified Kinesis stream. Check if the given kinesis stream is in ACTIVE state.";
    });
  }

  private static SubscriptionFilter toSdk(SubscriptionFilterMeta meta) {
    SubscriptionFilter.Builder b = SubscriptionFilter.builder()
        .filterName(meta.filterName())
        .logGroupName(meta.logGroupName())
        .filterPattern(meta.filterPattern())
        .destinationArn(meta.destinationArn())
        .distribution(meta.distribution())
        .applyOnTransformedLogs(meta.applyOnTransformedLogs())
        .creationTime(meta.creationTime());
    if (!meta.roleArn().isEmpty()) {
      b.roleArn(meta.roleArn());
    }
    if (!meta.fieldSelectionCriteria().isEmpty()) {
      b.fieldSelectionCriteria(meta.fieldSelectionCriteria());
    }
    if (!meta.emitSystemFields().isEmpty()) {
      b.emitSystemFields(meta.emitSystemFields());
    }
    return b.build();
  }
}
