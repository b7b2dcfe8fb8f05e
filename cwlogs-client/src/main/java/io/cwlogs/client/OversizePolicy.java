package io.cwlogs.client;

/** What the client does with an event whose message exceeds the configured event size. */
public enum OversizePolicy {
  /** Cut the message at a character boundary and append {@link EventSizePolicy#TRUNCATION_MARKER}. */
  TRUNCATE,
  /** Do not send the event; it is counted as rejected ("oversize"). */
  REJECT
}
