package io.cwlogs.core;

import io.cwlogs.core.spi.StoredDocument;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.cloudwatchlogs.model.DeleteDestinationRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.DeleteDestinationResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.DescribeDestinationsRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.DescribeDestinationsResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.Destination;
import software.amazon.awssdk.services.cloudwatchlogs.model.PutDestinationPolicyRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.PutDestinationPolicyResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.PutDestinationRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.PutDestinationResponse;

/**
 * CloudWatch Logs destinations: a named, account-owned handle on a Kinesis stream or Firehose that other
 * accounts subscribe to, guarded by an access policy ({@link AccessPolicy}, checked by
 * {@link SubscriptionFilters} when another account puts a filter onto the destination's ARN).
 *
 * <p>No access policy means no other account may subscribe; the owner always may.
 */
public final class Destinations {

  private final Catalog catalog;

  public Destinations(Catalog catalog) {
    this.catalog = catalog;
  }

  public void register(OperationTable table) {
    table.on(PutDestinationRequest.class, this::put);
    table.on(PutDestinationPolicyRequest.class, this::putPolicy);
    table.on(DescribeDestinationsRequest.class, this::describe);
    table.on(DeleteDestinationRequest.class, this::delete);
  }

  /** The destination an ARN names, in its owner's tenant. */
  static Optional<DestinationMeta> find(Catalog catalog, String arn) {
    return DestinationMeta.parseArn(arn)
        .flatMap(e -> catalog.store().get(DestinationMeta.scope(e.getKey()), e.getValue()))
        .map(b -> DocumentCodec.decode(b, DestinationMeta.class));
  }

  private DestinationMeta get(Tenant tenant, String name) {
    return catalog.store()
        .get(DestinationMeta.scope(tenant), name)
        .map(b -> DocumentCodec.decode(b, DestinationMeta.class))
        .orElseThrow(() -> new ResourceNotFoundException("The specified destination does not exist."));
  }

  PutDestinationResponse put(RequestContext ctx, PutDestinationRequest request) {
    TargetKind kind = TargetKind.of(request.targetArn()).orElse(TargetKind.LOGS_DESTINATION);
    if (kind == TargetKind.LOGS_DESTINATION) {
      throw new InvalidParameterException(
          "PutDestination operation cannot work with targetArn for vendor " + TargetKind.vendor(request.targetArn()));
    }
    Tenant tenant = ctx.tenant();
    Optional<DestinationMeta> existing =
        catalog.store().get(DestinationMeta.scope(tenant), request.destinationName())
            .map(b -> DocumentCodec.decode(b, DestinationMeta.class));
    DestinationMeta meta = new DestinationMeta(
        request.destinationName(),
        request.targetArn(),
        request.roleArn(),
        existing.map(DestinationMeta::accessPolicy).orElse(""),
        existing.map(DestinationMeta::creationTime).orElse(ctx.now()),
        request.hasTags() ? request.tags() : existing.map(DestinationMeta::tags).orElse(Map.of()));
    catalog.store().put(DestinationMeta.scope(tenant), meta.name(), DocumentCodec.encode(meta));
    return PutDestinationResponse.builder().destination(toSdk(tenant, meta)).build();
  }

  PutDestinationPolicyResponse putPolicy(RequestContext ctx, PutDestinationPolicyRequest request) {
    DestinationMeta meta = get(ctx.tenant(), request.destinationName());
    AccessPolicy.parse(request.accessPolicy());
    DestinationMeta updated = new DestinationMeta(
        meta.name(), meta.targetArn(), meta.roleArn(), request.accessPolicy(), meta.creationTime(), meta.tags());
    catalog.store().put(DestinationMeta.scope(ctx.tenant()), meta.name(), DocumentCodec.encode(updated));
    return PutDestinationPolicyResponse.builder().build();
  }

  DescribeDestinationsResponse describe(RequestContext ctx, DescribeDestinationsRequest request) {
    String prefix = request.destinationNamePrefix() == null ? "" : request.destinationNamePrefix();
    int limit = request.limit() == null ? Limits.DEFAULT_DESCRIBE_LIMIT : request.limit();
    String from = request.nextToken() == null ? prefix : PageTokens.decode("dst", request.nextToken());
    List<Destination> page = new ArrayList<>();
    String next = null;
    for (StoredDocument doc : catalog.store().list(DestinationMeta.scope(ctx.tenant()), from, limit + 1)) {
      if (!doc.id().startsWith(prefix)) {
        break;
      }
      if (page.size() == limit) {
        next = PageTokens.encode("dst", doc.id());
        break;
      }
      page.add(toSdk(ctx.tenant(), DocumentCodec.decode(doc.value(), DestinationMeta.class)));
    }
    return DescribeDestinationsResponse.builder().destinations(page).nextToken(next).build();
  }

  DeleteDestinationResponse delete(RequestContext ctx, DeleteDestinationRequest request) {
    get(ctx.tenant(), request.destinationName());
    catalog.store().delete(DestinationMeta.scope(ctx.tenant()), request.destinationName());
    return DeleteDestinationResponse.builder().build();
  }

  private static Destination toSdk(Tenant tenant, DestinationMeta meta) {
    Destination.Builder b = Destination.builder()
        .destinationName(meta.name())
        .targetArn(meta.targetArn())
        .roleArn(meta.roleArn())
        .arn(meta.arn(tenant))
        .creationTime(meta.creationTime());
    if (!meta.accessPolicy().isEmpty()) {
      b.accessPolicy(meta.accessPolicy());
    }
    return b.build();
  }
}
