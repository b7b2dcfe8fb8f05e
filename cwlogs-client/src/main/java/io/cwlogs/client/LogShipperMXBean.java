package io.cwlogs.client;

/**
 * The JMX view of a {@link LogShipper}, registered as {@code
 * io.cwlogs:type=LogShipper,group=...,stream=...}. Attributes mirror {@link ShipperMetrics}.
 */
public interface LogShipperMXBean {
  long getOffered();

  long getSent();

  long getRejected();

  long getFailed();

  long getDropped();

  long getRetried();

  long getSpooled();

  long getQueueDepth();

  long getSpoolSegments();
}
