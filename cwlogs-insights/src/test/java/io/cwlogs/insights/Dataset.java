package io.cwlogs.insights;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.StringJoiner;

/** The fixed events the conformance tests query, and helpers to run a query over them. */
public final class Dataset {
  /** 2024-05-01T12:00:00Z. */
  public static final long T0 = 1_714_564_800_000L;

  public static final List<QueryEvent> EVENTS =
      List.of(
          event(
              1,
              0,
              "web-1",
              "{\"level\":\"INFO\",\"service\":\"api\",\"status\":200,\"latency\":120,"
                  + "\"user\":{\"id\":\"u1\",\"roles\":[\"admin\",\"dev\"]},\"ip\":\"10.0.0.5\","
                  + "\"msg\":\"GET /home\"}"),
          event(
              2,
              1,
              "web-1",
              "{\"level\":\"ERROR\",\"service\":\"api\",\"status\":500,\"latency\":950,"
                  + "\"user\":{\"id\":\"u2\"},\"ip\":\"10.0.1.9\",\"msg\":\"POST /pay failed\"}"),
          event(
              3,
              2,
              "web-1",
              "{\"level\":\"INFO\",\"service\":\"auth\",\"status\":200,\"latency\":40,"
                  + "\"user\":{\"id\":\"u1\"},\"ip\":\"192.168.1.20\",\"msg\":\"login ok\","
                  + "\"x-request-id\":\"r-3\"}"),
          event(
              4,
              6,
              "web-1",
              "{\"level\":\"WARN\",\"service\":\"auth\",\"status\":401,\"latency\":15,"
                  + "\"ip\":\"2001:db8::1\",\"msg\":\"bad password\",\"@src\":\"edge\"}"),
          event(
              5,
              7,
              "web-2",
              "2024-05-01 12:07:00 [ERROR] db-pool The error was: timeout after 30s"),
          event(6, 11, "web-2", "user=alice, method:GET, latency := 42"),
          event(7, 12, "web-2", "user=bob, method:POST, latency := 77"),
          event(
              8,
              13,
              "web-1",
              "{\"level\":\"ERROR\",\"service\":\"billing\",\"status\":503,\"latency\":300,"
                  + "\"msg\":\"upstream unavailable\"}"));

  private Dataset() {}

  static QueryEvent event(int n, int minute, String stream, String message) {
    long ts = T0 + minute * 60_000L;
    return new QueryEvent(
        ts,
        ts + 500,
        "app",
        "123456789012",
        stream,
        message.getBytes(StandardCharsets.UTF_8),
        "ptr-" + n);
  }

  /** The events newest first, the order the service scans in. */
  static List<QueryEvent> newestFirst(List<QueryEvent> events) {
    List<QueryEvent> out = new ArrayList<>(events);
    out.sort(Comparator.comparingLong(QueryEvent::timestamp).reversed());
    return out;
  }

  static QueryExecution run(String query, List<QueryEvent> events) {
    QueryExecution x = InsightsQuery.parse(query).newExecution();
    for (QueryEvent e : newestFirst(events)) {
      x.accept(e);
    }
    return x;
  }

  /** Runs a query over {@link #EVENTS} and renders each row as "f=v, g=w", without {@code @ptr}. */
  static List<String> rows(String query) {
    return render(run(query, EVENTS).results());
  }

  static List<String> render(List<List<ResultField>> results) {
    List<String> out = new ArrayList<>();
    for (List<ResultField> row : results) {
      StringJoiner j = new StringJoiner(", ");
      for (ResultField f : row) {
        if (!f.field().equals("@ptr")) {
          j.add(f.field() + "=" + f.value());
        }
      }
      out.add(j.toString());
    }
    return out;
  }
}
