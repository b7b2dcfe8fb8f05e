package io.cwlogs.core;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.Optional;

/**
 * An Insights {@code @ptr}: the address of one stored event, which GetLogRecord resolves.
 *
 * <p>Wire form: base64url without padding of
 *
 * <pre>
 * +---------+-----------------+---------------+----------------+---------+----------+-----------+----------+
 * | version | account (UTF)   | group (UTF)   | stream (UTF)   | groupId | streamId | timestamp | sequence |
 * | 1 byte  | u16 len + bytes | u16 len + ... | u16 len + ...  | 8 bytes | 8 bytes  | 8 bytes   | 8 bytes  |
 * +---------+-----------------+---------------+----------------+---------+----------+-----------+----------+
 * </pre>
 *
 * (strings as {@link DataOutputStream#writeUTF}, numbers big-endian). The names let GetLogRecord find
 * the group without an index by id; the ids make sure a deleted and recreated group or stream of the
 * same name does not answer for its predecessor. Like AWS's, the value is opaque to clients.
 */
public record RecordPointer(
    String account, String group, String stream, long groupId, long streamId, long timestamp, long sequence) {

  private static final int VERSION = 1;

  public String encode() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(64 + group.length() + stream.length());
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeByte(VERSION);
      out.writeUTF(account);
      out.writeUTF(group);
      out.writeUTF(stream);
      out.writeLong(groupId);
      out.writeLong(streamId);
      out.writeLong(timestamp);
      out.writeLong(sequence);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes.toByteArray());
  }

  /** The pointer a string holds, or empty when it is not one of ours. */
  public static Optional<RecordPointer> decode(String text) {
    try (DataInputStream in =
        new DataInputStream(new ByteArrayInputStream(Base64.getUrlDecoder().decode(text)))) {
      if (in.readUnsignedByte() != VERSION) {
        return Optional.empty();
      }
      RecordPointer p =
          new RecordPointer(
              in.readUTF(), in.readUTF(), in.readUTF(), in.readLong(), in.readLong(), in.readLong(),
              in.readLong());
      return in.available() == 0 ? Optional.of(p) : Optional.empty();
    } catch (IOException | IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}
