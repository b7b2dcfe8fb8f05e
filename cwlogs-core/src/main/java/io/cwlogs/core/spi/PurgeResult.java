package io.cwlogs.core.spi;

/** What a range delete removed, so the service can keep storedBytes and counts right. */
public record PurgeResult(long events, long messageBytes) {

  public static final PurgeResult NONE = new PurgeResult(0, 0);
}
