package io.cwlogs.client;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32;

/**
 * The on-disk format of one spool segment: one batch for one stream.
 *
 * <pre>
 * segment := header record* ; all integers big-endian
 * header  := magic:u32 = 0x43574C53 ("CWLS") version:u8 = 1
 *            groupLen:u16 group:utf8[groupLen] streamLen:u16 stream:utf8[streamLen]
 * record  := msgLen:u32 timestamp:i64 message:utf8[msgLen] crc:u32
 *            ; crc = CRC32 over the 8 timestamp bytes then the message bytes
 * </pre>
 *
 * A segment is written to a temporary file and renamed into place, so a reader normally sees whole
 * segments; a truncated or corrupt tail (a crash mid-write on a file system without atomic rename)
 * ends the segment at the last good record.
 */
final class SpoolCodec {
  static final int MAGIC = 0x43574C53;
  static final int VERSION = 1;

  private SpoolCodec() {}

  /** A decoded segment. */
  record Segment(String group, String stream, List<LogEvent> events) {}

  static byte[] encode(String group, String stream, List<LogEvent> events) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeInt(MAGIC);
      out.writeByte(VERSION);
      writeShortString(out, group);
      writeShortString(out, stream);
      CRC32 crc = new CRC32();
      for (LogEvent e : events) {
        byte[] msg = e.message().getBytes(StandardCharsets.UTF_8);
        out.writeInt(msg.length);
        out.writeLong(e.timestamp());
        out.write(msg);
        crc.reset();
        crc.update(longBytes(e.timestamp()));
        crc.update(msg);
        out.writeInt((int) crc.getValue());
      }
    } catch (IOException e) {
      throw new IllegalStateException("in-memory write failed", e);
    }
    return bytes.toByteArray();
  }

  static Segment decode(InputStream raw) throws IOException {
    DataInputStream in = new DataInputStream(raw);
    if (in.readInt() != MAGIC || in.readUnsignedByte() != VERSION) {
      throw new IOException("not a cwlogs spool segment");
    }
    String group = readShortString(in);
    String stream = readShortString(in);
    List<LogEvent> events = new ArrayList<>();
    CRC32 crc = new CRC32();
    try {
      while (true) {
        int len = in.readInt();
        long ts = in.readLong();
        if (len < 0 || len > Limits.MAX_BATCH_BYTES) {
          break;
        }
        byte[] msg = in.readNBytes(len);
        if (msg.length < len) {
          break;
        }
        int stored = in.readInt();
        crc.reset();
        crc.update(longBytes(ts));
        crc.update(msg);
        if (stored != (int) crc.getValue()) {
          break;
        }
        events.add(new LogEvent(new String(msg, StandardCharsets.UTF_8), ts));
      }
    } catch (EOFException end) {
      // end of segment, or a torn tail
    }
    return new Segment(group, stream, events);
  }

  private static void writeShortString(DataOutputStream out, String s) throws IOException {
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    out.writeShort(b.length);
    out.write(b);
  }

  private static String readShortString(DataInputStream in) throws IOException {
    byte[] b = in.readNBytes(in.readUnsignedShort());
    return new String(b, StandardCharsets.UTF_8);
  }

  private static byte[] longBytes(long v) {
    byte[] b = new byte[8];
    for (int i = 7; i >= 0; i--) {
      b[i] = (byte) v;
      v >>>= 8;
    }
    return b;
  }
}
