package io.cwlogs.core;

/**
 * A resource policy as the service keeps it: account-level ones in scope {@code <tenant>/resource-policy}
 * (id = name), log-group-level ones in {@code <tenant>/resource-policy-arn} (id = the group's ARN).
 *
 * @param resourceArn empty for an account-level policy
 */
public record ResourcePolicyMeta(
    String policyName, String policyDocument, long lastUpdatedTime, String resourceArn, String revisionId) {

  static String accountScope(Tenant tenant) {
    return tenant.scope("resource-policy");
  }

  static String resourceScope(Tenant tenant) {
    return tenant.scope("resource-policy-arn");
  }
}
