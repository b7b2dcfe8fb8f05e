package io.cwlogs.core;

/**
 * Whose data a request touches: an AWS account and a region. Nothing in one tenant is visible from another.
 *
 * <p>The region comes from the request's SigV4 credential scope, the account from the access key.
 */
public record Tenant(String account, String region) {

  /** The storage scope of this tenant's documents of one kind, e.g. {@code 000000000000/us-east-1/group}. */
  public String scope(String kind) {
    return account + "/" + region + "/" + kind;
  }
}
