package io.cwlogs.core.spi;

import java.nio.file.Path;

/** The storage contract, run against the in-memory test double, so that tests built on it mean something. */
class MemoryLogStoreTest extends LogStoreContractTest {

  @Override
  protected LogStore newStore(Path dir) {
    return new MemoryLogStore();
  }

  @Override
  protected boolean persistent() {
    return false;
  }
}
