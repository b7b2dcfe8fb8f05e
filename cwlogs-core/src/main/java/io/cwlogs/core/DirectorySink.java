package io.cwlogs.core;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Delivers to files a user can {@code tail -f}: each delivery's uncompressed JSON payload as one line of
 * {@code <dir>/deliveries.ndjson}, appended and fsynced before the delivery counts as done.
 *
 * <p>The gzip bytes AWS would send are exactly {@code gzip(line)}; the line is kept uncompressed so it can be
 * read with ordinary tools ({@code tail -f deliveries.ndjson | jq .logEvents[].message}).
 */
final class DirectorySink implements DeliverySink {

  static final String FILE_NAME = "deliveries.ndjson";

  private final Path file;

  DirectorySink(Path dir) {
    this.file = dir.resolve(FILE_NAME);
  }

  @Override
  public synchronized void deliver(DeliveryRecord record) throws IOException {
    Files.createDirectories(file.getParent());
    try (FileChannel out =
        FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
      ByteBuffer line = ByteBuffer.allocate(record.json().length + 1);
      line.put(record.json()).put((byte) '\n').flip();
      while (line.hasRemaining()) {
        out.write(line);
      }
      out.force(false);
    }
  }
}
