package io.cwlogs.client;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A directory of batches waiting to be sent, oldest first, that survives restarts.
 *
 * <p>Each batch is one file {@code <sequence>.seg} in {@link SpoolCodec} format, named so that
 * lexical order is write order. The shipper owns the directory through a lock file; two shippers
 * must not share one. Only the shipper's worker thread calls these methods.
 */
final class Spool implements AutoCloseable {
  private static final String SUFFIX = ".seg";

  private final Path dir;
  private final long maxBytes;
  private final FileChannel lockChannel;
  private final FileLock lock;
  private long nextSequence;
  private long bytes;
  private volatile int segmentCount;

  Spool(Path dir, long maxBytes) {
    this.dir = dir;
    this.maxBytes = maxBytes;
    try {
      Files.createDirectories(dir);
      lockChannel =
          FileChannel.open(
              dir.resolve("spool.lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
      lock = lockChannel.tryLock();
      if (lock == null) {
        lockChannel.close();
        throw new IllegalStateException("spool directory in use by another shipper: " + dir);
      }
      List<Path> existing = segments();
      for (Path p : existing) {
        bytes += Files.size(p);
      }
      segmentCount = existing.size();
      nextSequence =
          existing.isEmpty() ? 0 : sequenceOf(existing.get(existing.size() - 1)) + 1;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open spool " + dir, e);
    }
  }

  /** Writes one batch durably; returns false when the spool is full. */
  boolean append(String group, String stream, List<LogEvent> batch) throws IOException {
    byte[] data = SpoolCodec.encode(group, stream, batch);
    if (bytes + data.length > maxBytes) {
      return false;
    }
    Path target = dir.resolve(String.format("%020d%s", nextSequence++, SUFFIX));
    Path tmp = dir.resolve(target.getFileName() + ".tmp");
    try (FileChannel ch =
        FileChannel.open(
            tmp,
            StandardOpenOption.CREATE,
            StandardOpenOption.TRUNCATE_EXISTING,
            StandardOpenOption.WRITE)) {
      ch.write(java.nio.ByteBuffer.wrap(data));
      ch.force(true);
    }
    try {
      Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
    }
    bytes += data.length;
    segmentCount++;
    return true;
  }

  /** The oldest segment's path, if any. */
  Optional<Path> oldest() throws IOException {
    List<Path> all = segments();
    return all.isEmpty() ? Optional.empty() : Optional.of(all.get(0));
  }

  SpoolCodec.Segment read(Path segment) throws IOException {
    try (InputStream in = Files.newInputStream(segment)) {
      return SpoolCodec.decode(in);
    }
  }

  void delete(Path segment) throws IOException {
    long size = Files.size(segment);
    Files.delete(segment);
    bytes -= size;
    segmentCount--;
  }

  /** Segments waiting; safe to read from any thread. */
  int count() {
    return segmentCount;
  }

  private List<Path> segments() throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.filter(p -> p.getFileName().toString().endsWith(SUFFIX)).sorted().toList();
    }
  }

  private static long sequenceOf(Path p) {
    String name = p.getFileName().toString();
    return Long.parseLong(name.substring(0, name.length() - SUFFIX.length()));
  }

  @Override
  public void close() throws IOException {
    lock.release();
    lockChannel.close();
  }
}
