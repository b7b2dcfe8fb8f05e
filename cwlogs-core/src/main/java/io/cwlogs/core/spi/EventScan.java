package io.cwlogs.core.spi;

import java.util.Iterator;

/**
 * An open, lazy scan over one stream's events; it holds storage resources until closed.
 *
 * <p>Callers must close it (try-with-resources), including when they stop early.
 */
public interface EventScan extends Iterator<StoredEvent>, AutoCloseable {

  @Override
  void close();
}
