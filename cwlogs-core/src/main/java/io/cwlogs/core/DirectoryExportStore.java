package io.cwlogs.core;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Buckets as directories under a root: bucket {@code b}, key {@code p/t/s/000000.gz} is the file
 * {@code <root>/b/p/t/s/000000.gz}. A bucket exists when its directory does (create it to export into it),
 * as S3 needs the bucket to exist. Objects are written to a temporary file and moved into place, so a
 * reader never sees half an object.
 */
public final class DirectoryExportStore implements ExportStore {

  private final Path root;

  public DirectoryExportStore(Path root) {
    this.root = root;
  }

  @Override
  public boolean bucketExists(String bucket) {
    return !bucket.contains("/") && !bucket.startsWith(".") && Files.isDirectory(root.resolve(bucket));
  }

  @Override
  public void put(String bucket, String key, byte[] data) throws IOException {
    Path bucketDir = root.resolve(bucket).normalize();
    Path file = bucketDir.resolve(key).normalize();
    if (!file.startsWith(bucketDir)) {
      throw new IOException("object key escapes the bucket: " + key);
    }
    Files.createDirectories(file.getParent());
    Path tmp = Files.createTempFile(file.getParent(), ".export", ".tmp");
    Files.write(tmp, data);
    Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }
}
