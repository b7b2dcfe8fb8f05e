package io.cwlogs.core;

import io.cwlogs.core.spi.EventScan;
import io.cwlogs.core.spi.ScanRange;
import io.cwlogs.core.spi.StoredEvent;
import io.cwlogs.insights.InsightsQuery;
import io.cwlogs.insights.LogGroupFields;
import io.cwlogs.insights.QueryEvent;
import io.cwlogs.insights.QueryExecution;
import io.cwlogs.insights.ResultField;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.services.cloudwatchlogs.model.GetLogGroupFieldsRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.GetLogGroupFieldsResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.GetLogRecordRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.GetLogRecordResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.LogGroupField;

/**
 * The two Insights operations about single events and their fields: GetLogRecord (every field of the
 * event an {@code @ptr} points at) and GetLogGroupFields (which fields a group's recent events have).
 *
 * <p>Both read fields the way queries do, through the language module, so a field GetLogGroupFields
 * lists is one a query can name and GetLogRecord shows its value as GetQueryResults would.
 */
public final class LogRecords {

  private static final Set<String> SYSTEM_FIELDS =
      Set.of("@timestamp", "@message", "@logStream", "@log", "@ingestionTime");

  /** Discovered fields read per helper query, so that query stays far below the length limit. */
  private static final int FIELDS_PER_QUERY = 100;

  private final Catalog catalog;

  public LogRecords(Catalog catalog) {
    this.catalog = catalog;
  }

  public void register(OperationTable table) {
    table.on(GetLogRecordRequest.class, this::record);
    table.on(GetLogGroupFieldsRequest.class, this::fields);
  }

  // ---- GetLogRecord ----

  GetLogRecordResponse record(RequestContext ctx, GetLogRecordRequest request) {
    RecordPointer p =
        RecordPointer.decode(request.logRecordPointer())
            .orElseThrow(() -> new InvalidParameterException("The specified log record pointer is not valid."));
    QueryEvent event = find(ctx.tenant(), p).orElseThrow(
        () -> new ResourceNotFoundException("The specified log record does not exist."));
    Map<String, String> record = new LinkedHashMap<>();
    record.put("@ingestionTime", Long.toString(event.ingestionTime()));
    record.put("@log", event.accountId() + ":" + event.logGroup());
    record.put("@logStream", event.logStream());
    record.put("@message", new String(event.message(), StandardCharsets.UTF_8));
    record.put("@timestamp", Long.toString(event.timestamp()));
    record.putAll(discoveredFields(event));
    return GetLogRecordResponse.builder().logRecord(record).build();
  }

  private Optional<QueryEvent> find(Tenant tenant, RecordPointer p) {
    if (!p.account().equals(tenant.account())) {
      return Optional.empty();
    }
    Optional<LogGroupMeta> group = catalog.findGroup(tenant, p.group()).filter(g -> g.id() == p.groupId());
    Optional<LogStreamMeta> stream =
        group.flatMap(g -> catalog.findStream(tenant, g, p.stream())).filter(s -> s.id() == p.streamId());
    if (stream.isEmpty()) {
      return Optional.empty();
    }
    try (EventScan scan = catalog.store().scan(stream.get().key(), ScanRange.forward(p.timestamp(), p.timestamp() + 1))) {
      while (scan.hasNext()) {
        StoredEvent e = scan.next();
        if (e.sequence() == p.sequence()) {
          return Optional.of(new QueryEvent(
              e.timestamp(), e.ingestionTime(), p.group(), p.account(), p.stream(), e.message(), p.encode()));
        }
      }
    }
    return Optional.empty();
  }

  /** The event's discovered (JSON) fields and their values, as a {@code fields} query renders them. */
  private static Map<String, String> discoveredFields(QueryEvent event) {
    List<String> names = new ArrayList<>();
    for (String name : InsightsQuery.fieldsOf(event)) {
      if (!SYSTEM_FIELDS.contains(name) && name.indexOf('`') < 0) {
        names.add(name);
      }
    }
    Map<String, String> out = new LinkedHashMap<>();
    for (int i = 0; i < names.size(); i += FIELDS_PER_QUERY) {
      StringBuilder q = new StringBuilder("fields ");
      List<String> chunk = names.subList(i, Math.min(names.size(), i + FIELDS_PER_QUERY));
      for (int k = 0; k < chunk.size(); k++) {
        q.append(k == 0 ? "`" : ", `").append(chunk.get(k)).append('`');
      }
      QueryExecution run = InsightsQuery.parse(q.toString()).newExecution();
      run.accept(event);
      for (List<ResultField> row : run.results()) {
        for (ResultField f : row) {
          if (!f.field().equals("@ptr")) {
            out.put(f.field(), f.value());
          }
        }
      }
    }
    return out;
  }

  // ---- GetLogGroupFields ----

  GetLogGroupFieldsResponse fields(RequestContext ctx, GetLogGroupFieldsRequest request) {
    String name = LogGroupRef.resolve(ctx.tenant(), request.logGroupName(), request.logGroupIdentifier());
    LogGroupMeta group = catalog.group(ctx.tenant(), name);
    long from;
    long to;
    if (request.time() != null) {
      long center = request.time() * 1000;
      from = center - Limits.LOG_GROUP_FIELDS_AROUND.toMillis();
      to = center + Limits.LOG_GROUP_FIELDS_AROUND.toMillis() + 1;
    } else {
      from = ctx.now() - Limits.LOG_GROUP_FIELDS_WINDOW.toMillis();
      to = ctx.now() + 1;
    }
    List<LogStreamMeta> streams = new ArrayList<>();
    catalog.forEachStream(ctx.tenant(), group.id(), streams::add);
    LogGroupFields tally = new LogGroupFields();
    try (GroupScan scan = new GroupScan(catalog.store(), streams, from, to, true, Optional.empty())) {
      for (int n = 0; n < Limits.LOG_GROUP_FIELDS_SAMPLE && scan.hasNext(); n++) {
        GroupScan.Item item = scan.next();
        tally.add(new QueryEvent(
            item.event().timestamp(), item.event().ingestionTime(), group.name(), ctx.tenant().account(),
            item.stream().name(), item.event().message(), ""));
      }
    }
    List<LogGroupField> fields = new ArrayList<>();
    for (LogGroupFields.Field f : tally.fields()) {
      fields.add(LogGroupField.builder().name(f.name()).percent(f.percent()).build());
    }
    return GetLogGroupFieldsResponse.builder().logGroupFields(fields).build();
  }
}
