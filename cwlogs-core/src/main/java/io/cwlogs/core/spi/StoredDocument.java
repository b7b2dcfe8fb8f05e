package io.cwlogs.core.spi;

/** A document read back from storage: its id within its scope, and its bytes. */
public record StoredDocument(String id, byte[] value) {}
