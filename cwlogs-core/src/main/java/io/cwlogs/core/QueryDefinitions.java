package io.cwlogs.core;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import software.amazon.awssdk.services.cloudwatchlogs.model.DeleteQueryDefinitionRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.DeleteQueryDefinitionResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.DescribeQueryDefinitionsRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.DescribeQueryDefinitionsResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.PutQueryDefinitionRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.PutQueryDefinitionResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.QueryDefinition;
import software.amazon.awssdk.services.cloudwatchlogs.model.QueryParameter;

/**
 * Saved queries: PutQueryDefinition (create with a new id, or replace by id),
 * DescribeQueryDefinitions (by name prefix, in name order, a page at a time) and
 * DeleteQueryDefinition, stored as {@link QueryDefinitionDoc}s.
 *
 * <p>The query string is stored as given, not compiled: AWS's model lists no MalformedQueryException
 * for PutQueryDefinition.
 */
public final class QueryDefinitions {

  private final Catalog catalog;

  public QueryDefinitions(Catalog catalog) {
    this.catalog = catalog;
  }

  public void register(OperationTable table) {
    table.on(PutQueryDefinitionRequest.class, this::put);
    table.on(DescribeQueryDefinitionsRequest.class, this::describe);
    table.on(DeleteQueryDefinitionRequest.class, this::delete);
  }

  PutQueryDefinitionResponse put(RequestContext ctx, PutQueryDefinitionRequest request) {
    String scope = QueryDefinitionDoc.scope(ctx.tenant());
    String id = request.queryDefinitionId();
    if (id != null) {
      if (catalog.store().get(scope, id).isEmpty()) {
        throw notFound();
      }
    } else {
      if (catalog.store().list(scope, "", Limits.MAX_QUERY_DEFINITIONS).size() >= Limits.MAX_QUERY_DEFINITIONS) {
        throw new LimitExceededException("Resource limit exceeded.");
      }
      id = UUID.randomUUID().toString();
    }
    List<QueryDefinitionDoc.Parameter> parameters = new ArrayList<>();
    if (request.hasParameters()) {
      for (QueryParameter p : request.parameters()) {
        parameters.add(new QueryDefinitionDoc.Parameter(p.name(), p.defaultValue(), p.description()));
      }
    }
    QueryDefinitionDoc doc =
        new QueryDefinitionDoc(
            id, request.name(), request.queryString(),
            request.hasLogGroupNames() ? request.logGroupNames() : List.of(),
            Optional.ofNullable(request.queryLanguageAsString()).orElse("CWLI"), parameters, ctx.now());
    catalog.store().put(scope, id, DocumentCodec.encode(doc));
    return PutQueryDefinitionResponse.builder().queryDefinitionId(id).build();
  }

  DescribeQueryDefinitionsResponse describe(RequestContext ctx, DescribeQueryDefinitionsRequest request) {
    String prefix = Optional.ofNullable(request.queryDefinitionNamePrefix()).orElse("");
    String language = request.queryLanguageAsString();
    int max = Optional.ofNullable(request.maxResults()).orElse(Limits.MAX_QUERY_DEFINITIONS);
    Optional<String> after = Optional.ofNullable(request.nextToken()).map(t -> PageTokens.decode("qd", t));
    List<QueryDefinitionDoc> all = new ArrayList<>();
    catalog.forEachDocument(QueryDefinitionDoc.scope(ctx.tenant()), d -> {
      QueryDefinitionDoc doc = DocumentCodec.decode(d.value(), QueryDefinitionDoc.class);
      if (doc.name().startsWith(prefix) && (language == null || language.equals(doc.queryLanguage()))) {
        all.add(doc);
      }
    });
    all.sort(Comparator.comparing(QueryDefinitions::position));
    List<QueryDefinition> page = new ArrayList<>();
    Optional<String> next = Optional.empty();
    for (QueryDefinitionDoc doc : all) {
      if (after.isPresent() && position(doc).compareTo(after.get()) <= 0) {
        continue;
      }
      if (page.size() == max) {
        QueryDefinition last = page.get(page.size() - 1);
        next = Optional.of(PageTokens.encode("qd", last.name() + "\n" + last.queryDefinitionId()));
        break;
      }
      page.add(toOutput(doc));
    }
    return DescribeQueryDefinitionsResponse.builder()
        .queryDefinitions(page)
        .nextToken(next.orElse(null))
        .build();
  }

  /** Name order, then id: names need not be unique. */
  private static String position(QueryDefinitionDoc doc) {
    return doc.name() + "\n" + doc.id();
  }

  private static QueryDefinition toOutput(QueryDefinitionDoc doc) {
    List<QueryParameter> parameters = new ArrayList<>();
    for (QueryDefinitionDoc.Parameter p : doc.parameters()) {
      parameters.add(QueryParameter.builder()
          .name(p.name()).defaultValue(p.defaultValue()).description(p.description()).build());
    }
    QueryDefinition.Builder b =
        QueryDefinition.builder()
            .queryLanguage(doc.queryLanguage())
            .queryDefinitionId(doc.id())
            .name(doc.name())
            .queryString(doc.queryString())
            .lastModified(doc.lastModified());
    if (!doc.logGroupNames().isEmpty()) {
      b.logGroupNames(doc.logGroupNames());
    }
    if (!parameters.isEmpty()) {
      b.parameters(parameters);
    }
    return b.build();
  }

  DeleteQueryDefinitionResponse delete(RequestContext ctx, DeleteQueryDefinitionRequest request) {
    String scope = QueryDefinitionDoc.scope(ctx.tenant());
    if (catalog.store().get(scope, request.queryDefinitionId()).isEmpty()) {
      throw notFound();
    }
    catalog.store().delete(scope, request.queryDefinitionId());
    return DeleteQueryDefinitionResponse.builder().success(true).build();
  }

  private static ResourceNotFoundException notFound() {
    return new ResourceNotFoundException("The specified query definition does not exist.");
  }
}
