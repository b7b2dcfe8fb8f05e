package io.cwlogs.insights;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * One row flowing through a query: an event's system fields and lazily discovered JSON fields, with
 * the fields that {@code fields}, {@code parse} and {@code stats} set laid over them.
 *
 * <p>The message is decoded and the JSON read only when a field needs them, so a query over system
 * fields never pays for either.
 */
final class Row {
  /** Marks a field that a command set to missing, hiding any field of the same name below it. */
  private static final Object MISSING = new Object();

  private final QueryEvent event;
  private String message;
  private Map<String, Object> json;
  private HashMap<String, Object> overlay;

  /** The current aggregation results while a stats item is evaluated, else null. */
  Object[] aggResults;

  Row(QueryEvent event) {
    this.event = event;
  }

  private Row(
      QueryEvent event, String message, Map<String, Object> json, HashMap<String, Object> o) {
    this.event = event;
    this.message = message;
    this.json = json;
    this.overlay = o == null ? null : new HashMap<>(o);
  }

  /** A row that is not an event, such as a stats result. */
  static Row synthetic() {
    return new Row(null);
  }

  /** A copy whose later changes do not affect this row. */
  Row copy() {
    return new Row(event, message, json, overlay);
  }

  /** Whether this row is an event (and so has an {@code @ptr}). */
  boolean isEvent() {
    return event != null;
  }

  String ptr() {
    return event == null ? "" : event.ptr();
  }

  /** The value of a field, or null if the row does not have it. */
  Object get(String name) {
    if (overlay != null) {
      Object v = overlay.get(name);
      if (v != null) {
        return v == MISSING ? null : v;
      }
    }
    if (event == null) {
      return null;
    }
    switch (name) {
      case "@timestamp":
        return new DateTime(event.timestamp());
      case "@message":
        return message();
      case "@logStream":
        return event.logStream();
      case "@log":
        return event.accountId() + ":" + event.logGroup();
      case "@ingestionTime":
        return new DateTime(event.ingestionTime());
      case "@ptr":
        return event.ptr().isEmpty() ? null : event.ptr();
      default:
        break;
    }
    if (json == null) {
      json = JsonFields.flatten(message());
    }
    return json.get(name);
  }

  /** The event's timestamp in milliseconds, or the row's {@code @timestamp} if it has one. */
  Long timestampMillis() {
    return get("@timestamp") instanceof DateTime t ? t.millis() : null;
  }

  /** Sets (or, with null, hides) a field. */
  void put(String name, Object value) {
    if (overlay == null) {
      overlay = new HashMap<>();
    }
    overlay.put(name, value == null ? MISSING : value);
  }

  String message() {
    if (message == null) {
      message = new String(event.message(), StandardCharsets.UTF_8);
    }
    return message;
  }
}
