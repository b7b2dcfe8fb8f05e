package io.cwlogs.storage.rocksdb;

import java.util.concurrent.locks.ReentrantLock;

/**
 * A fixed set of locks chosen by a key's hash: mutual exclusion per key without a map of live keys.
 *
 * <p>Two keys may share a stripe, which only costs a little needless waiting.
 */
final class StripedLocks {

  private final ReentrantLock[] locks;

  StripedLocks(int stripes) {
    locks = new ReentrantLock[Integer.highestOneBit(stripes - 1) << 1];
    for (int i = 0; i < locks.length; i++) {
      locks[i] = new ReentrantLock();
    }
  }

  ReentrantLock forHash(int hash) {
    int h = hash ^ (hash >>> 16);
    return locks[h & (locks.length - 1)];
  }
}
