package io.cwlogs.core;

/** Where a log group's metric filters are kept, so groups can count them before that feature lands. */
public final class MetricFilterScopes {

  private MetricFilterScopes() {}

  public static String scope(Tenant tenant, long groupId) {
    return tenant.scope("metric-filter/" + Long.toUnsignedString(groupId, 36));
  }
}
