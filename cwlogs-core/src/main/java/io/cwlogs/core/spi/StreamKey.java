package io.cwlogs.core.spi;

/**
 * The storage address of one log stream's events: the numeric ids the service gave its group and stream.
 *
 * <p>Ids are random 64-bit numbers assigned at creation, so a deleted and recreated stream of the same name
 * never sees its predecessor's events, and keys stay compact.
 */
public record StreamKey(long groupId, long streamId) {}
