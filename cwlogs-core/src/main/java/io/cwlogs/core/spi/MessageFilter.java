package io.cwlogs.core.spi;

/**
 * A test on an event's message bytes that a store applies while it scans, before it builds a
 * {@link StoredEvent}: events that fail it cost the scan no allocation and are never returned.
 *
 * <p>The store calls {@link #test} with the message's UTF-8 bytes in {@code buf[offset, offset +
 * length)}, usually a scratch array that it reuses for the next event: the filter reads the bytes during
 * the call and neither keeps nor modifies the array. A store may call one filter from several threads at
 * once (one per concurrent scan), so it must be thread-safe; it should not throw, and if it does, the
 * exception reaches the caller of the scan. A scan without a filter returns every event of its range
 * and calls nothing, which is how match-all patterns avoid paying for one.
 */
@FunctionalInterface
public interface MessageFilter {

  /** Whether the event whose message is {@code buf[offset, offset + length)} belongs in the scan. */
  boolean test(byte[] buf, int offset, int length);
}
