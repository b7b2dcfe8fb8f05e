package io.cwlogs.core;

import java.io.IOException;

/** Where export tasks write: buckets of keyed objects (a directory tree, or an S3-compatible store). */
public interface ExportStore {

  boolean bucketExists(String bucket);

  void put(String bucket, String key, byte[] data) throws IOException;
}
