package io.cwlogs.core;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import software.amazon.awssdk.services.cloudwatchlogs.model.InputLogEvent;

/**
 * The {@code logEvents} of one PutLogEvents request as parallel arrays: timestamps as {@code long}s and
 * messages as UTF-8 bytes, so a batch of 10,000 events costs two arrays and the message bytes rather than
 * an SDK object and a {@code String} per event.
 *
 * <p>It holds the events as the client sent them, before validation: an item may be JSON {@code null} or
 * lack its timestamp or message (kept in two bit sets that stay empty for ordinary batches), and
 * {@link PutLogEventsValidator} reports those as the model's validation does. Filled by appending, then
 * read by index; the message arrays are shared, not copied, so nobody may modify them.
 */
public final class LogEventArrays {

  private static final byte[] EMPTY = new byte[0];

  private long[] timestamps;
  private byte[][] messages;
  private int size;
  private final BitSet nullItems = new BitSet();
  private final BitSet withoutTimestamp = new BitSet();

  private LogEventArrays(int capacity) {
    timestamps = new long[capacity];
    messages = new byte[capacity][];
  }

  /** An empty list with room for {@code capacity} events before it grows. */
  public static LogEventArrays withCapacity(int capacity) {
    return new LogEventArrays(Math.max(capacity, 1));
  }

  /** The events of an SDK request (messages encoded as {@link String#getBytes} does). */
  public static LogEventArrays of(List<InputLogEvent> events) {
    LogEventArrays arrays = withCapacity(events.size());
    for (InputLogEvent event : events) {
      if (event == null) {
        arrays.addNull();
      } else {
        arrays.add(
            Optional.ofNullable(event.timestamp()).map(OptionalLong::of).orElse(OptionalLong.empty()),
            Optional.ofNullable(event.message()).map(m -> m.getBytes(StandardCharsets.UTF_8)));
      }
    }
    return arrays;
  }

  /** Appends an event with both members. */
  public void add(long timestamp, byte[] message) {
    append(timestamp, java.util.Objects.requireNonNull(message));
  }

  /** Appends an event that may lack its timestamp or message. */
  public void add(OptionalLong timestamp, Optional<byte[]> message) {
    if (timestamp.isEmpty()) {
      withoutTimestamp.set(size);
    }
    append(timestamp.orElse(0), message.orElse(null));
  }

  /** Appends a JSON {@code null} item. */
  public void addNull() {
    nullItems.set(size);
    append(0, null);
  }

  /** Appends a slot; a {@code null} message means the event has none. */
  private void append(long timestamp, byte[] message) {
    if (size == timestamps.length) {
      grow();
    }
    timestamps[size] = timestamp;
    messages[size] = message;
    size++;
  }

  public int size() {
    return size;
  }

  /** Whether item {@code i} was JSON {@code null} rather than an event. */
  public boolean isNull(int i) {
    return nullItems.get(i);
  }

  public boolean hasTimestamp(int i) {
    return !nullItems.get(i) && !withoutTimestamp.get(i);
  }

  public boolean hasMessage(int i) {
    return messages[i] != null;
  }

  /** Event {@code i}'s timestamp, epoch milliseconds; 0 when it has none. */
  public long timestamp(int i) {
    return timestamps[i];
  }

  /** Event {@code i}'s message in UTF-8 (the array itself, not a copy); empty when it has none. */
  public byte[] message(int i) {
    return messages[i] == null ? EMPTY : messages[i];
  }

  /**
   * The SDK's view of the events, for error messages that print the whole list the way the SDK request
   * prints. A message with a lone surrogate comes back with {@code ?} in its place, as it was stored; the
   * wire answer is the same, since the response is UTF-8 and a lone surrogate is encoded as {@code ?}.
   */
  List<InputLogEvent> toSdkList() {
    List<InputLogEvent> list = new ArrayList<>(size);
    for (int i = 0; i < size; i++) {
      list.add(sdkEventOrNull(i));
    }
    return list;
  }

  /** Event {@code i} as the SDK's object, or {@code null} for a JSON {@code null} item. */
  InputLogEvent sdkEventOrNull(int i) {
    if (isNull(i)) {
      return null;
    }
    InputLogEvent.Builder event = InputLogEvent.builder();
    if (hasTimestamp(i)) {
      event.timestamp(timestamps[i]);
    }
    if (hasMessage(i)) {
      event.message(new String(messages[i], StandardCharsets.UTF_8));
    }
    return event.build();
  }

  private void grow() {
    int capacity = timestamps.length * 2;
    timestamps = Arrays.copyOf(timestamps, capacity);
    messages = Arrays.copyOf(messages, capacity);
  }
}
