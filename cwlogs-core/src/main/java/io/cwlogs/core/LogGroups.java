package io.cwlogs.core;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Predicate;
import software.amazon.awssdk.services.cloudwatchlogs.model.AssociateKmsKeyRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.AssociateKmsKeyResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.CreateLogGroupRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.CreateLogGroupResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.DeleteLogGroupRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.DeleteLogGroupResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.DeleteRetentionPolicyRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.DeleteRetentionPolicyResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.DescribeLogGroupsRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.DescribeLogGroupsResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.DisassociateKmsKeyRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.DisassociateKmsKeyResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.ListLogGroupsRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.ListLogGroupsResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.LogGroup;
import software.amazon.awssdk.services.cloudwatchlogs.model.LogGroupSummary;
import software.amazon.awssdk.services.cloudwatchlogs.model.PutRetentionPolicyRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.PutRetentionPolicyResponse;

/**
 * Log groups: create, delete, describe and list them, and their retention and KMS key settings.
 *
 * <p>Listings page in name order with opaque tokens that carry the last name returned.
 */
public final class LogGroups {

  private final Catalog catalog;

  public LogGroups(Catalog catalog) {
    this.catalog = catalog;
  }

  public void register(OperationTable table) {
    table.on(CreateLogGroupRequest.class, this::create);
    table.on(DeleteLogGroupRequest.class, this::delete);
    table.on(DescribeLogGroupsRequest.class, this::describe);
    table.on(ListLogGroupsRequest.class, this::list);
    table.on(PutRetentionPolicyRequest.class, this::putRetention);
    table.on(DeleteRetentionPolicyRequest.class, this::deleteRetention);
    table.on(AssociateKmsKeyRequest.class, this::associateKmsKey);
    table.on(DisassociateKmsKeyRequest.class, this::disassociateKmsKey);
  }

  CreateLogGroupResponse create(RequestContext ctx, CreateLogGroupRequest request) {
    Map<String, String> tags = request.hasTags() ? request.tags() : Map.of();
    Tags.checkCount(tags.size());
    LogGroupMeta group =
        new LogGroupMeta(
            ThreadLocalRandom.current().nextLong(),
            request.logGroupName(),
            ctx.now(),
            0,
            Optional.ofNullable(request.kmsKeyId()).orElse(""),
            Optional.ofNullable(request.logGroupClassAsString()).orElse("STANDARD"),
            Boolean.TRUE.equals(request.deletionProtectionEnabled()),
            tags);
    if (!catalog.createGroup(ctx.tenant(), group)) {
      throw new ResourceAlreadyExistsException("The specified log group already exists");
    }
    return CreateLogGroupResponse.builder().build();
  }

  DeleteLogGroupResponse delete(RequestContext ctx, DeleteLogGroupRequest request) {
    LogGroupMeta group = catalog.group(ctx.tenant(), request.logGroupName());
    if (group.deletionProtectionEnabled()) {
      throw new OperationAbortedException(
          "Log group " + group.name() + " has deletion protection enabled and cannot be deleted.");
    }
    catalog.deleteGroup(ctx.tenant(), group);
    return DeleteLogGroupResponse.builder().build();
  }

  DescribeLogGroupsResponse describe(RequestContext ctx, DescribeLogGroupsRequest request) {
    Optional<String> prefix = Optional.ofNullable(request.logGroupNamePrefix());
    Optional<String> pattern = Optional.ofNullable(request.logGroupNamePattern());
    if (prefix.isPresent() && pattern.isPresent()) {
      throw new InvalidParameterException(
          "LogGroup name prefix and LogGroup name pattern are mutually exclusive parameters.");
    }
    List<String> identifiers = request.hasLogGroupIdentifiers() ? request.logGroupIdentifiers() : List.of();
    if (!identifiers.isEmpty() && (prefix.isPresent() || pattern.isPresent())) {
      throw new InvalidParameterException(
          "logGroupIdentifiers cannot be combined with logGroupNamePrefix or logGroupNamePattern.");
    }
    Predicate<LogGroupMeta> wanted = classFilter(request.logGroupClassAsString());
    Predicate<LogGroupMeta> filter =
        wanted.and(g -> pattern.map(p -> g.name().contains(p)).orElse(true));
    if (!identifiers.isEmpty()) {
      List<String> names = identifiers.stream().map(id -> Arns.groupNameOf(ctx.tenant(), id)).toList();
      filter = filter.and(g -> names.contains(g.name()));
    }
    int limit = Optional.ofNullable(request.limit()).orElse(Limits.DEFAULT_DESCRIBE_LIMIT);
    Page<LogGroupMeta> page = page(ctx.tenant(), prefix.orElse(""), request.nextToken(), limit, filter, "g");
    List<LogGroup> groups = new ArrayList<>();
    for (LogGroupMeta g : page.items()) {
      // AWS documents that a pattern search returns only these three members.
      groups.add(pattern.isPresent()
          ? LogGroup.builder()
              .logGroupName(g.name())
              .creationTime(g.creationTime())
              .arn(Arns.logGroupArnWildcard(ctx.tenant(), g.name()))
              .build()
          : describeOne(ctx.tenant(), g));
    }
    return DescribeLogGroupsResponse.builder().logGroups(groups).nextToken(page.nextToken().orElse(null)).build();
  }

  ListLogGroupsResponse list(RequestContext ctx, ListLogGroupsRequest request) {
    Optional<String> pattern = Optional.ofNullable(request.logGroupNamePattern());
    Predicate<LogGroupMeta> filter =
        classFilter(request.logGroupClassAsString())
            .and(g -> pattern.map(p -> g.name().contains(p)).orElse(true));
    int limit = Optional.ofNullable(request.limit()).orElse(Limits.DEFAULT_LIST_LOG_GROUPS_LIMIT);
    Page<LogGroupMeta> page = page(ctx.tenant(), "", request.nextToken(), limit, filter, "lg");
    List<LogGroupSummary> groups = new ArrayList<>();
    for (LogGroupMeta g : page.items()) {
      groups.add(
          LogGroupSummary.builder()
              .logGroupName(g.name())
              .logGroupArn(Arns.logGroupArn(ctx.tenant(), g.name()))
              .logGroupClass(g.logGroupClass())
              .build());
    }
    return ListLogGroupsResponse.builder().logGroups(groups).nextToken(page.nextToken().orElse(null)).build();
  }

  PutRetentionPolicyResponse putRetention(RequestContext ctx, PutRetentionPolicyRequest request) {
    Integer days = request.retentionInDays();
    if (days == null || !Limits.RETENTION_DAYS.contains(days)) {
      throw new InvalidParameterException(
          "1 validation error detected: Value '" + days + "' at 'retentionInDays' failed to satisfy constraint:"
              + " Member must satisfy enum value set: [1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400,"
              + " 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653]");
    }
    LogGroupMeta group = catalog.group(ctx.tenant(), request.logGroupName());
    catalog.saveGroup(ctx.tenant(), group.withRetention(days));
    return PutRetentionPolicyResponse.builder().build();
  }

  DeleteRetentionPolicyResponse deleteRetention(RequestContext ctx, DeleteRetentionPolicyRequest request) {
    LogGroupMeta group = catalog.group(ctx.tenant(), request.logGroupName());
    catalog.saveGroup(ctx.tenant(), group.withRetention(0));
    return DeleteRetentionPolicyResponse.builder().build();
  }

  AssociateKmsKeyResponse associateKmsKey(RequestContext ctx, AssociateKmsKeyRequest request) {
    LogGroupMeta group = groupForKms(ctx, request.logGroupName(), request.resourceIdentifier());
    catalog.saveGroup(ctx.tenant(), group.withKmsKeyId(request.kmsKeyId()));
    return AssociateKmsKeyResponse.builder().build();
  }

  DisassociateKmsKeyResponse disassociateKmsKey(RequestContext ctx, DisassociateKmsKeyRequest request) {
    LogGroupMeta group = groupForKms(ctx, request.logGroupName(), request.resourceIdentifier());
    catalog.saveGroup(ctx.tenant(), group.withKmsKeyId(""));
    return DisassociateKmsKeyResponse.builder().build();
  }

  private LogGroupMeta groupForKms(RequestContext ctx, String name, String resourceIdentifier) {
    if (name != null && resourceIdentifier != null) {
      throw new InvalidParameterException(
          "logGroupName and resourceIdentifier are mutually exclusive parameters.");
    }
    if (name == null && resourceIdentifier == null) {
      throw new InvalidParameterException("Either logGroupName or resourceIdentifier must be specified.");
    }
    String groupName = name != null ? name : Arns.groupNameOf(ctx.tenant(), resourceIdentifier);
    return catalog.group(ctx.tenant(), groupName);
  }

  /** A group as DescribeLogGroups shows it, with storedBytes summed over its streams. */
  LogGroup describeOne(Tenant tenant, LogGroupMeta g) {
    long[] storedBytes = {0};
    catalog.forEachStream(tenant, g.id(), s -> storedBytes[0] += s.storedBytes());
    int metricFilters = catalog.store().list(MetricFilterScopes.scope(tenant, g.id()), "", Limits.MAX_METRIC_FILTERS_PER_GROUP + 1).size();
    return LogGroup.builder()
        .logGroupName(g.name())
        .creationTime(g.creationTime())
        .retentionInDays(g.retentionInDays() > 0 ? g.retentionInDays() : null)
        .metricFilterCount(metricFilters)
        .arn(Arns.logGroupArnWildcard(tenant, g.name()))
        .logGroupArn(Arns.logGroupArn(tenant, g.name()))
        .storedBytes(storedBytes[0])
        .kmsKeyId(g.kmsKeyId().isEmpty() ? null : g.kmsKeyId())
        .logGroupClass(g.logGroupClass())
        .deletionProtectionEnabled(g.deletionProtectionEnabled())
        .build();
  }

  private static Predicate<LogGroupMeta> classFilter(String logGroupClass) {
    return g -> logGroupClass == null || logGroupClass.equals(g.logGroupClass());
  }

  /** One page of a tenant's groups under a name prefix, filtered, resuming after a token. */
  private Page<LogGroupMeta> page(
      Tenant tenant, String prefix, String token, int limit, Predicate<LogGroupMeta> filter, String kind) {
    String from = token == null ? prefix : Catalog.successor(PageTokens.decode(kind, token));
    if (token != null && !from.startsWith(prefix)) {
      throw PageTokens.invalid();
    }
    List<LogGroupMeta> items = new ArrayList<>();
    while (items.size() < limit) {
      List<LogGroupMeta> batch = catalog.listGroups(tenant, from, 500);
      for (LogGroupMeta g : batch) {
        if (!g.name().startsWith(prefix)) {
          return new Page<>(items, Optional.empty());
        }
        if (filter.test(g)) {
          items.add(g);
          if (items.size() == limit) {
            boolean more = hasMore(tenant, g.name(), prefix, filter);
            return new Page<>(items, more ? Optional.of(PageTokens.encode(kind, g.name())) : Optional.empty());
          }
        }
      }
      if (batch.size() < 500) {
        break;
      }
      from = Catalog.successor(batch.get(batch.size() - 1).name());
    }
    return new Page<>(items, Optional.empty());
  }

  private boolean hasMore(Tenant tenant, String after, String prefix, Predicate<LogGroupMeta> filter) {
    String from = Catalog.successor(after);
    while (true) {
      List<LogGroupMeta> batch = catalog.listGroups(tenant, from, 500);
      for (LogGroupMeta g : batch) {
        if (!g.name().startsWith(prefix)) {
          return false;
        }
        if (filter.test(g)) {
          return true;
        }
      }
      if (batch.size() < 500) {
        return false;
      }
      from = Catalog.successor(batch.get(batch.size() - 1).name());
    }
  }

  /** A page of a listing and the token for the next one, if any. */
  record Page<T>(List<T> items, Optional<String> nextToken) {}
}
