package io.cwlogs.core;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.cloudwatchlogs.model.ListTagsForResourceRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.ListTagsForResourceResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.ListTagsLogGroupRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.ListTagsLogGroupResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.TagLogGroupRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.TagLogGroupResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.TagResourceRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.TagResourceResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.UntagLogGroupRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.UntagLogGroupResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.UntagResourceRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.UntagResourceResponse;

/**
 * Tags on log groups, through both the legacy per-group operations and the ARN-based ones.
 *
 * <p>Only log groups are taggable resources here so far; an ARN of another kind is answered as a resource
 * that does not exist.
 */
public final class Tags {

  private final Catalog catalog;

  public Tags(Catalog catalog) {
    this.catalog = catalog;
  }

  public void register(OperationTable table) {
    table.on(TagLogGroupRequest.class, this::tagLogGroup);
    table.on(UntagLogGroupRequest.class, this::untagLogGroup);
    table.on(ListTagsLogGroupRequest.class, this::listTagsLogGroup);
    table.on(TagResourceRequest.class, this::tagResource);
    table.on(UntagResourceRequest.class, this::untagResource);
    table.on(ListTagsForResourceRequest.class, this::listTagsForResource);
  }

  static void checkCount(int count) {
    if (count > Limits.MAX_TAGS) {
      throw new InvalidParameterException("A resource can have no more than " + Limits.MAX_TAGS + " tags.");
    }
  }

  TagLogGroupResponse tagLogGroup(RequestContext ctx, TagLogGroupRequest request) {
    addTags(ctx.tenant(), catalog.group(ctx.tenant(), request.logGroupName()), request.tags());
    return TagLogGroupResponse.builder().build();
  }

  UntagLogGroupResponse untagLogGroup(RequestContext ctx, UntagLogGroupRequest request) {
    removeTags(ctx.tenant(), catalog.group(ctx.tenant(), request.logGroupName()), request.tags());
    return UntagLogGroupResponse.builder().build();
  }

  ListTagsLogGroupResponse listTagsLogGroup(RequestContext ctx, ListTagsLogGroupRequest request) {
    return ListTagsLogGroupResponse.builder()
        .tags(catalog.group(ctx.tenant(), request.logGroupName()).tags())
        .build();
  }

  TagResourceResponse tagResource(RequestContext ctx, TagResourceRequest request) {
    addTags(ctx.tenant(), groupByArn(ctx.tenant(), request.resourceArn()), request.tags());
    return TagResourceResponse.builder().build();
  }

  UntagResourceResponse untagResource(RequestContext ctx, UntagResourceRequest request) {
    removeTags(ctx.tenant(), groupByArn(ctx.tenant(), request.resourceArn()), request.tagKeys());
    return UntagResourceResponse.builder().build();
  }

  ListTagsForResourceResponse listTagsForResource(RequestContext ctx, ListTagsForResourceRequest request) {
    return ListTagsForResourceResponse.builder()
        .tags(groupByArn(ctx.tenant(), request.resourceArn()).tags())
        .build();
  }

  private LogGroupMeta groupByArn(Tenant tenant, String arn) {
    if (!arn.contains(":log-group:") || !Arns.accountOf(tenant, arn).equals(tenant.account())) {
      throw new ResourceNotFoundException("The specified resource does not exist.");
    }
    return catalog
        .findGroup(tenant, Arns.groupNameOf(tenant, arn))
        .orElseThrow(() -> new ResourceNotFoundException("The specified resource does not exist."));
  }

  private void addTags(Tenant tenant, LogGroupMeta group, Map<String, String> tags) {
    Map<String, String> merged = new HashMap<>(group.tags());
    merged.putAll(tags);
    checkCount(merged.size());
    catalog.saveGroup(tenant, group.withTags(merged));
  }

  private void removeTags(Tenant tenant, LogGroupMeta group, List<String> keys) {
    Map<String, String> left = new HashMap<>(group.tags());
    keys.forEach(left::remove);
    catalog.saveGroup(tenant, group.withTags(left));
  }
}
