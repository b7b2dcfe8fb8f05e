package io.cwlogs.core;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Validates a {@link PutLogEventsBatch} exactly as {@link LogsService#execute} validates the SDK's
 * {@code PutLogEventsRequest}: the same exception, the same messages, in the same order.
 *
 * <p>Implementation notes. The generic validation walks every value of the SDK request and builds a path
 * string ({@code logEvents.42.member.message}) for each; per event that costs more than storing it. Here
 * the per-event constraints (timestamp range, message length, both required) are read once from the
 * service model ({@link RequestValidator#constraints}) and each event is checked with two comparisons.
 * Only an event that fails is turned into the SDK's {@code InputLogEvent} and handed to
 * {@link RequestValidator#checkListItem}, so the messages are the model's own; likewise the request's
 * other members (names, sequence token, entity: one of each per request) and a list of the wrong size,
 * whose message prints the whole list. Message length is counted in UTF-16 units, as {@code String.length()}
 * counts it for the SDK request; with the model's "at least 1" that is the same test as on UTF-8 bytes.
 *
 * <p>The model could someday constrain something this class cannot check on bytes (a pattern on the
 * message); construction fails then rather than letting the two paths disagree.
 */
public final class PutLogEventsValidator {

  private static final String OPERATION = "PutLogEvents";

  private final RequestValidator model;
  private final String requestShape;
  private final String eventsShape;
  private final RequestValidator.MemberConstraints events;
  private final double timestampMin;
  private final double timestampMax;
  private final boolean timestampRequired;
  private final double messageMin;
  private final double messageMax;
  private final boolean messageRequired;
  private final boolean lengthFromBytes;

  public PutLogEventsValidator(RequestValidator model) {
    this.model = model;
    this.requestShape = model.inputShape(OPERATION).orElseThrow(() -> unsupported("no input shape"));
    this.events = model.constraints(requestShape, "logEvents");
    this.eventsShape = events.shape();
    String eventShape = events.listMember().orElseThrow(() -> unsupported("logEvents is not a list"));
    RequestValidator.MemberConstraints timestamp = model.constraints(eventShape, "timestamp");
    RequestValidator.MemberConstraints message = model.constraints(eventShape, "message");
    if (!timestamp.type().equals("long") || !message.type().equals("string") || message.hasPatternOrEnum()) {
      throw unsupported("timestamp must be a long and message a string without pattern or enum");
    }
    this.timestampMin = timestamp.min();
    this.timestampMax = timestamp.max();
    this.timestampRequired = timestamp.required();
    this.messageMin = message.min();
    this.messageMax = message.max();
    this.messageRequired = message.required();
    // A non-empty string has at least one byte and one UTF-16 unit, and the byte count is never smaller.
    this.lengthFromBytes = messageMin <= 1 && messageMax == Double.POSITIVE_INFINITY;
    PutLogEventsBatch.requireSdkShape();
  }

  /**
   * Throws what the generic validation would throw for the same request: {@link InvalidParameterException}
   * for a name over 512 bytes, then for every violated model constraint.
   */
  public void validate(PutLogEventsBatch batch) {
    // The members in PutLogEventsBatch.MEMBERS' order, the order the generic validation reports them.
    batch.logGroupName().ifPresent(LogsService::checkNameLength);
    batch.logStreamName().ifPresent(LogsService::checkNameLength);
    List<String> errors = new ArrayList<>(0);
    checkMember("logGroupName", batch.logGroupName(), errors);
    checkMember("logStreamName", batch.logStreamName(), errors);
    checkEvents(batch.logEvents(), errors);
    checkMember("sequenceToken", batch.sequenceToken(), errors);
    checkMember("entity", batch.entity(), errors);
    RequestValidator.throwIfAny(errors);
  }

  private void checkMember(String member, Optional<?> value, List<String> errors) {
    model.checkMember(requestShape, member, value.orElse(null), member, errors);
  }

  private void checkEvents(Optional<LogEventArrays> logEvents, List<String> errors) {
    if (logEvents.isEmpty()) {
      model.checkMember(requestShape, "logEvents", null, "logEvents", errors);
      return;
    }
    LogEventArrays list = logEvents.get();
    if (list.size() < events.min() || list.size() > events.max()) {
      // Rare, and the message prints the whole list: let the model's validation do all of it.
      model.checkMember(requestShape, "logEvents", list.toSdkList(), "logEvents", errors);
      return;
    }
    for (int i = 0; i < list.size(); i++) {
      if (!passes(list, i)) {
        model.checkListItem(eventsShape, list.sdkEventOrNull(i), "logEvents." + (i + 1) + ".member", errors);
      }
    }
  }

  /** Whether event {@code i} meets every constraint, i.e. the generic validation reports nothing for it. */
  private boolean passes(LogEventArrays list, int i) {
    if (list.isNull(i)) {
      return false;
    }
    if (list.hasTimestamp(i)) {
      double t = list.timestamp(i);
      if (t < timestampMin || t > timestampMax) {
        return false;
      }
    } else if (timestampRequired) {
      return false;
    }
    if (list.hasMessage(i)) {
      byte[] m = list.message(i);
      int length = lengthFromBytes ? m.length : utf16Length(m);
      return !(length < messageMin) && !(length > messageMax);
    }
    return !messageRequired;
  }

  /** UTF-16 units of well-formed UTF-8: one per sequence, two for a four-byte one. */
  static int utf16Length(byte[] utf8) {
    int units = 0;
    for (byte b : utf8) {
      if ((b & 0xC0) != 0x80) {
        units += (b & 0xF8) == 0xF0 ? 2 : 1;
      }
    }
    return units;
  }

  private static IllegalStateException unsupported(String what) {
    return new IllegalStateException("PutLogEventsValidator cannot mirror the service model: " + what);
  }
}
