package io.cwlogs.core;

import java.util.Map;

/**
 * A CloudWatch Logs destination as the service keeps it (scope {@code <tenant>/destination}, id = name).
 *
 * @param accessPolicy the IAM policy JSON, empty until PutDestinationPolicy
 */
public record DestinationMeta(
    String name, String targetArn, String roleArn, String accessPolicy, long creationTime, Map<String, String> tags) {

  public DestinationMeta {
    tags = Map.copyOf(tags);
  }

  public String arn(Tenant tenant) {
    return arn(tenant, name);
  }

  public static String arn(Tenant tenant, String name) {
    return "arn:aws:logs:" + tenant.region() + ":" + tenant.account() + ":destination:" + name;
  }

  static String scope(Tenant tenant) {
    return tenant.scope("destination");
  }

  /** The owner tenant and name of a destination ARN {@code arn:aws:logs:REGION:ACCOUNT:destination:NAME}. */
  static java.util.Optional<Map.Entry<Tenant, String>> parseArn(String arn) {
    String[] parts = arn.split(":", 7);
    if (parts.length != 7 || !parts[2].equals("logs") || !parts[5].equals("destination")) {
      return java.util.Optional.empty();
    }
    return java.util.Optional.of(Map.entry(new Tenant(parts[4], parts[3]), parts[6]));
  }
}
