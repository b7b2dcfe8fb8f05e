package io.cwlogs.core;

import io.cwlogs.core.spi.StreamKey;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * Serialises writes to one stream (appends, retention purges, deletion) with a fixed set of striped locks,
 * so a stream's document and its events always change together.
 */
public final class StreamLocks {

  private final ReentrantLock[] stripes = new ReentrantLock[1024];

  public StreamLocks() {
    for (int i = 0; i < stripes.length; i++) {
      stripes[i] = new ReentrantLock();
    }
  }

  public <T> T call(StreamKey key, Supplier<T> action) {
    ReentrantLock lock = stripes[Math.floorMod(key.hashCode(), stripes.length)];
    lock.lock();
    try {
      return action.get();
    } finally {
      lock.unlock();
    }
  }

  public void run(StreamKey key, Runnable action) {
    call(key, () -> {
      action.run();
      return null;
    });
  }
}
