package io.cwlogs.core;

/** A compiled filter pattern, as FilterLogEvents applies it to each event's UTF-8 message. */
@FunctionalInterface
public interface EventFilter {

  boolean matches(byte[] utf8Message);
}
