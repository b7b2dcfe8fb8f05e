package io.cwlogs.core;

/**
 * ARNs as CloudWatch Logs builds them, and the reverse: a {@code logGroupIdentifier} (a name or an ARN)
 * back to a log group name.
 *
 * <p>A log group's {@code arn} ends in {@code :*} (it names the group's streams too); its
 * {@code logGroupArn} does not. Identifiers may use either form.
 */
public final class Arns {

  private Arns() {}

  public static String logGroupArn(Tenant tenant, String groupName) {
    return "arn:aws:logs:" + tenant.region() + ":" + tenant.account() + ":log-group:" + groupName;
  }

  /** The legacy {@code arn} member of DescribeLogGroups: the group ARN followed by {@code :*}. */
  public static String logGroupArnWildcard(Tenant tenant, String groupName) {
    return logGroupArn(tenant, groupName) + ":*";
  }

  public static String logStreamArn(Tenant tenant, String groupName, String streamName) {
    return logGroupArn(tenant, groupName) + ":log-stream:" + streamName;
  }

  /** True when the identifier is an ARN rather than a bare name. */
  public static boolean isArn(String identifier) {
    return identifier.startsWith("arn:");
  }

  /**
   * The log group name an identifier refers to, for this tenant.
   *
   * @throws InvalidParameterException when it is an ARN that is not a log group of this tenant's region
   */
  public static String groupNameOf(Tenant tenant, String identifier) {
    if (!isArn(identifier)) {
      return identifier;
    }
    String prefix = "arn:aws:logs:" + tenant.region() + ":";
    int marker = identifier.indexOf(":log-group:");
    if (!identifier.startsWith(prefix) || marker < 0) {
      throw new InvalidParameterException("The specified log group identifier is not valid: " + identifier);
    }
    String name = identifier.substring(marker + ":log-group:".length());
    if (name.endsWith(":*")) {
      name = name.substring(0, name.length() - 2);
    }
    return name;
  }

  /** The account named in an ARN, or the tenant's own account for a bare name. */
  public static String accountOf(Tenant tenant, String identifier) {
    if (!isArn(identifier)) {
      return tenant.account();
    }
    String[] parts = identifier.split(":", 6);
    return parts.length > 4 ? parts[4] : tenant.account();
  }
}
