package io.cwlogs.core;

import java.util.List;

/**
 * A saved Logs Insights query (PutQueryDefinition), one document per definition in scope
 * {@code <tenant>/querydef}, id = {@code queryDefinitionId}.
 *
 * @param logGroupNames the groups the console preselects; may be empty
 * @param lastModified epoch ms of the last put
 */
public record QueryDefinitionDoc(
    String id,
    String name,
    String queryString,
    List<String> logGroupNames,
    String queryLanguage,
    List<Parameter> parameters,
    long lastModified) {

  /** A query parameter: a placeholder and its default. */
  public record Parameter(String name, String defaultValue, String description) {}

  public QueryDefinitionDoc {
    logGroupNames = logGroupNames == null ? List.of() : List.copyOf(logGroupNames);
    parameters = parameters == null ? List.of() : List.copyOf(parameters);
  }

  static String scope(Tenant tenant) {
    return tenant.scope("querydef");
  }
}
