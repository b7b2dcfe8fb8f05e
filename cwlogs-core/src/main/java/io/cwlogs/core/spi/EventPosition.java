package io.cwlogs.core.spi;

/** A point in one stream's event order: scans can resume strictly after it. */
public record EventPosition(long timestamp, long sequence) implements Comparable<EventPosition> {

  @Override
  public int compareTo(EventPosition other) {
    int byTime = Long.compare(timestamp, other.timestamp);
    return byTime != 0 ? byTime : Long.compare(sequence, other.sequence);
  }
}
