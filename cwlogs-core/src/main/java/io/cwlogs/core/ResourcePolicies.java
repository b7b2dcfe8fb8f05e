package io.cwlogs.core;

import io.cwlogs.core.spi.StoredDocument;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import software.amazon.awssdk.services.cloudwatchlogs.model.DeleteResourcePolicyRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.DeleteResourcePolicyResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.DescribeResourcePoliciesRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.DescribeResourcePoliciesResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.PolicyScope;
import software.amazon.awssdk.services.cloudwatchlogs.model.PutResourcePolicyRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.PutResourcePolicyResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.ResourcePolicy;

/**
 * Put/Describe/DeleteResourcePolicy: IAM policy documents that let AWS services write to this account's
 * log groups, at account level (named; at most {@link Limits#MAX_RESOURCE_POLICIES}) or attached to one
 * log group ({@code resourceArn}). Documents must be IAM JSON of at most
 * {@link Limits#MAX_RESOURCE_POLICY_CHARS} characters. cwlogs stores and returns them; since it has no
 * AWS services writing on anyone's behalf, nothing else consults them.
 */
public final class ResourcePolicies {

  private final Catalog catalog;

  public ResourcePolicies(Catalog catalog) {
    this.catalog = catalog;
  }

  public void register(OperationTable table) {
    table.on(PutResourcePolicyRequest.class, this::put);
    table.on(DescribeResourcePoliciesRequest.class, this::describe);
    table.on(DeleteResourcePolicyRequest.class, this::delete);
  }

  PutResourcePolicyResponse put(RequestContext ctx, PutResourcePolicyRequest request) {
    Tenant tenant = ctx.tenant();
    String document = request.policyDocument();
    if (document == null || document.isEmpty()) {
      throw new InvalidParameterException("Policy document is required.");
    }
    if (document.length() > Limits.MAX_RESOURCE_POLICY_CHARS) {
      throw new LimitExceededException(
          "Policy document exceeds the maximum allowed size of " + Limits.MAX_RESOURCE_POLICY_CHARS + " characters.");
    }
    AccessPolicy.parse(document);
    boolean onResource = request.resourceArn() != null && !request.resourceArn().isEmpty();
    String scope;
    String id;
    if (onResource) {
      catalog.group(tenant, Arns.groupNameOf(tenant, request.resourceArn()));
      scope = ResourcePolicyMeta.resourceScope(tenant);
      id = request.resourceArn();
    } else {
      if (request.policyName() == null || request.policyName().isEmpty()) {
        throw new InvalidParameterException("Policy name is required.");
      }
      scope = ResourcePolicyMeta.accountScope(tenant);
      id = request.policyName();
      if (catalog.store().get(scope, id).isEmpty()
          && catalog.store().list(scope, "", Limits.MAX_RESOURCE_POLICIES).size() >= Limits.MAX_RESOURCE_POLICIES) {
        throw new LimitExceededException("Resource limit exceeded.");
      }
    }
    Optional<ResourcePolicyMeta> existing =
        catalog.store().get(scope, id).map(b -> DocumentCodec.decode(b, ResourcePolicyMeta.class));
    if (request.expectedRevisionId() != null
        && !request.expectedRevisionId().equals(existing.map(ResourcePolicyMeta::revisionId).orElse(""))) {
      throw new OperationAbortedException("The policy's revision id does not match the expected revision id.");
    }
    String name = request.policyName() == null ? "" : request.policyName();
    ResourcePolicyMeta meta = new ResourcePolicyMeta(
        name, document, ctx.now(), onResource ? request.resourceArn() : "", UUID.randomUUID().toString());
    catalog.store().put(scope, id, DocumentCodec.encode(meta));
    return PutResourcePolicyResponse.builder().resourcePolicy(toSdk(meta)).revisionId(meta.revisionId()).build();
  }

  DescribeResourcePoliciesResponse describe(RequestContext ctx, DescribeResourcePoliciesRequest request) {
    Tenant tenant = ctx.tenant();
    if (request.resourceArn() != null && !request.resourceArn().isEmpty()) {
      List<ResourcePolicy> found = catalog.store()
          .get(ResourcePolicyMeta.resourceScope(tenant), request.resourceArn())
          .map(b -> toSdk(DocumentCodec.decode(b, ResourcePolicyMeta.class)))
          .stream().toList();
      return DescribeResourcePoliciesResponse.builder().resourcePolicies(found).build();
    }
    String scope = request.policyScope() == PolicyScope.RESOURCE
        ? ResourcePolicyMeta.resourceScope(tenant)
        : ResourcePolicyMeta.accountScope(tenant);
    int limit = request.limit() == null ? Limits.DEFAULT_DESCRIBE_LIMIT : request.limit();
    String from = request.nextToken() == null ? "" : PageTokens.decode("rp", request.nextToken());
    List<ResourcePolicy> page = new ArrayList<>();
    String next = null;
    for (StoredDocument doc : catalog.store().list(scope, from, limit + 1)) {
      if (page.size() == limit) {
        next = PageTokens.encode("rp", doc.id());
        break;
      }
      page.add(toSdk(DocumentCodec.decode(doc.value(), ResourcePolicyMeta.class)));
    }
    return DescribeResourcePoliciesResponse.builder().resourcePolicies(page).nextToken(next).build();
  }

  DeleteResourcePolicyResponse delete(RequestContext ctx, DeleteResourcePolicyRequest request) {
    Tenant tenant = ctx.tenant();
    boolean onResource = request.resourceArn() != null && !request.resourceArn().isEmpty();
    String scope = onResource ? ResourcePolicyMeta.resourceScope(tenant) : ResourcePolicyMeta.accountScope(tenant);
    String id = onResource ? request.resourceArn() : String.valueOf(request.policyName());
    ResourcePolicyMeta meta = catalog.store().get(scope, id)
        .map(b -> DocumentCodec.decode(b, ResourcePolicyMeta.class))
        .orElseThrow(() -> new ResourceNotFoundException("Policy with name [" + id + "] does not exist"));
    if (request.expectedRevisionId() != null && !request.expectedRevisionId().equals(meta.revisionId())) {
      throw new OperationAbortedException("The policy's revision id does not match the expected revision id.");
    }
    catalog.store().delete(scope, id);
    return DeleteResourcePolicyResponse.builder().build();
  }

  private static ResourcePolicy toSdk(ResourcePolicyMeta meta) {
    ResourcePolicy.Builder b = ResourcePolicy.builder()
        .policyDocument(meta.policyDocument())
        .lastUpdatedTime(meta.lastUpdatedTime())
        .revisionId(meta.revisionId())
        .policyScope(meta.resourceArn().isEmpty() ? PolicyScope.ACCOUNT : PolicyScope.RESOURCE);
    if (!meta.policyName().isEmpty()) {
      b.policyName(meta.policyName());
    }
    if (!meta.resourceArn().isEmpty()) {
      b.resourceArn(meta.resourceArn());
    }
    return b.build();
  }
}
