package io.cwlogs.core;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.cloudwatchlogs.model.StartQueryRequest;

/**
 * Which log groups a StartQuery reads: exactly one of {@code logGroupName}, {@code logGroupNames}
 * (names) or {@code logGroupIdentifiers} (names or ARNs), or else a {@code SOURCE} command in the
 * query string; each named group must exist.
 */
final class QueryGroups {

  private QueryGroups() {}

  static List<LogGroupMeta> resolve(
      Catalog catalog, RequestContext ctx, StartQueryRequest request, Optional<QuerySource> source) {
    List<String> names = request.hasLogGroupNames() ? request.logGroupNames() : List.of();
    List<String> identifiers = request.hasLogGroupIdentifiers() ? request.logGroupIdentifiers() : List.of();
    int given = (request.logGroupName() != null ? 1 : 0) + (names.isEmpty() ? 0 : 1)
        + (identifiers.isEmpty() ? 0 : 1);
    if (source.isPresent()) {
      if (given > 0) {
        throw new InvalidParameterException(
            "A query that uses SOURCE cannot also specify logGroupName, logGroupNames or logGroupIdentifiers.");
      }
      return bySource(catalog, ctx, source.get());
    }
    if (given != 1) {
      throw new InvalidParameterException(
          "Exactly one of logGroupName, logGroupNames or logGroupIdentifiers must be specified.");
    }
    checkCount("logGroupNames", names);
    checkCount("logGroupIdentifiers", identifiers);
    Map<String, String> wanted = new LinkedHashMap<>(); // name -> account, in the order given
    if (request.logGroupName() != null) {
      wanted.put(request.logGroupName(), ctx.tenant().account());
    }
    names.forEach(n -> wanted.putIfAbsent(n, ctx.tenant().account()));
    for (String id : identifiers) {
      wanted.putIfAbsent(Arns.groupNameOf(ctx.tenant(), id), Arns.accountOf(ctx.tenant(), id));
    }
    List<LogGroupMeta> groups = new ArrayList<>(wanted.size());
    wanted.forEach((name, account) -> {
      Optional<LogGroupMeta> group = account.equals(ctx.tenant().account())
          ? catalog.findGroup(ctx.tenant(), name)
          : Optional.empty(); // other accounts' groups are not shared with this service's tenants
      groups.add(group.orElseThrow(() -> notFound(ctx, name, account)));
    });
    return groups;
  }

  private static void checkCount(String member, List<String> values) {
    if (values.size() > Limits.MAX_QUERY_LOG_GROUPS) {
      throw new InvalidParameterException(
          "1 validation error detected: Value '" + values + "' at '" + member
              + "' failed to satisfy constraint: Member must have length less than or equal to "
              + Limits.MAX_QUERY_LOG_GROUPS);
    }
  }

  /**
   * AWS's message, recorded from real AWS (localstack's test_logs_queries snapshot, 2026), including
   * the suffix AWS's own Java backend appends.
   */
  static ResourceNotFoundException notFound(RequestContext ctx, String name, String account) {
    return new ResourceNotFoundException(
        "Log group '" + name + "' does not exist for account ID '" + account
            + "' (Service: AWSLogs; Status Code: 400; Error Code: ResourceNotFoundException; Request ID: "
            + ctx.requestId() + "; Proxy: null)");
  }

  private static List<LogGroupMeta> bySource(Catalog catalog, RequestContext ctx, QuerySource source) {
    if (!source.accounts().isEmpty() && !source.accounts().contains(ctx.tenant().account())) {
      return List.of();
    }
    Map<String, LogGroupMeta> found = new LinkedHashMap<>();
    for (String prefix : source.namePrefixes()) {
      String from = prefix;
      scan:
      while (true) {
        List<LogGroupMeta> page = catalog.listGroups(ctx.tenant(), from, 500);
        for (LogGroupMeta g : page) {
          if (!g.name().startsWith(prefix)) {
            break scan;
          }
          String cls = g.logGroupClass() == null ? "STANDARD" : g.logGroupClass();
          if (source.classes().contains(cls)) {
            found.putIfAbsent(g.name(), g);
            if (found.size() > Limits.MAX_SOURCE_LOG_GROUPS) {
              throw new InvalidParameterException(
                  "SOURCE matches more than " + Limits.MAX_SOURCE_LOG_GROUPS + " log groups.");
            }
          }
        }
        if (page.size() < 500) {
          break;
        }
        from = Catalog.successor(page.get(page.size() - 1).name());
      }
    }
    if (found.isEmpty()) {
      throw new ResourceNotFoundException("No log groups match the SOURCE command of the query.");
    }
    return new ArrayList<>(found.values());
  }
}
