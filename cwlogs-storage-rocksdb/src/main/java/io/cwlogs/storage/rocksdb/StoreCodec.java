package io.cwlogs.storage.rocksdb;

import io.cwlogs.core.spi.StoredEvent;
import io.cwlogs.core.spi.StreamKey;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The on-disk format of the RocksDB store: every key and value it writes, in one place.
 *
 * <p>All keys are compared bytewise (RocksDB's default comparator); the layouts below are chosen so that
 * byte order is the order the service reads in. Fixed-width integers are big-endian with the sign bit
 * flipped ({@code v ^ Long.MIN_VALUE}), so that {@code Long.MIN_VALUE} encodes as {@code 00..00}, {@code
 * -1} as {@code 7F..FF}, {@code 0} as {@code 80..00} and byte order equals signed numeric order.
 *
 * <pre>
 * Column family "documents"
 *   key:    0                   n   n+1                       n+1+m
 *           +-------------------+---+-------------------------+
 *           | scope (UTF-8)     |00 | id (UTF-8)              |
 *           +-------------------+---+-------------------------+
 *   value:  the document's bytes, as given
 *
 *   The scope may not contain U+0000, so "scope 00" is a prefix that no other scope shares:
 *   "a/group" 00 ... sorts wholly before "a/group2" 00 ..., and ids within one scope sort as UTF-8 bytes.
 *
 * Column family "events"                                  (32 bytes, fixed)
 *   key:    0          8          16         24         32
 *           +----------+----------+----------+----------+
 *           | groupId  | streamId | timestamp| sequence |   each: big-endian, sign bit flipped
 *           +----------+----------+----------+----------+
 *           |&lt;-- stream prefix --&gt;|
 *
 *   value:  0                          k
 *           +--------------------------+---------------------------------+
 *           | ingestion delta (varint) | message (UTF-8, to end of value)|
 *           +--------------------------+---------------------------------+
 *
 *   ingestion delta = zigzag(ingestionTime - timestamp) as an unsigned LEB128 varint (1..10 bytes);
 *   the two are usually close, so it takes 1-4 bytes instead of 8. Arithmetic wraps, so any pair of
 *   longs round-trips. The message length is the value length minus k: no length field is stored.
 *
 * Column family "default"
 *   key "format" -&gt; 4-byte big-endian format version ({@link #FORMAT_VERSION}); checked at open.
 * </pre>
 *
 * <p>Range bounds: the exclusive end of every key that starts with a prefix {@code P} is {@code P}
 * followed by 0xFF up to one byte more than the longest key ({@link #endOfPrefix}); that needs no
 * "successor" arithmetic and works when {@code P} is all 0xFF. The smallest key strictly after a key
 * {@code K} is {@code K 00} ({@link #justAfter}).
 */
final class StoreCodec {

  /** Version of the layout above; bump it and migrate when any byte changes. */
  static final int FORMAT_VERSION = 1;

  static final byte[] FORMAT_KEY = "format".getBytes(StandardCharsets.US_ASCII);

  static final int STREAM_PREFIX_LENGTH = 16;
  static final int EVENT_KEY_LENGTH = 32;
  static final int MAX_HEADER_LENGTH = 10;
  private static final byte SCOPE_SEPARATOR = 0;

  private StoreCodec() {}

  // ---- documents ----

  static byte[] documentKey(String scope, String id) {
    byte[] scopeBytes = scopeBytes(scope);
    byte[] idBytes = id.getBytes(StandardCharsets.UTF_8);
    byte[] key = Arrays.copyOf(scopeBytes, scopeBytes.length + 1 + idBytes.length);
    key[scopeBytes.length] = SCOPE_SEPARATOR;
    System.arraycopy(idBytes, 0, key, scopeBytes.length + 1, idBytes.length);
    return key;
  }

  /** The prefix shared by every document key of the scope: the scope and the separator. */
  static byte[] scopePrefix(String scope) {
    byte[] scopeBytes = scopeBytes(scope);
    return Arrays.copyOf(scopeBytes, scopeBytes.length + 1);
  }

  /** The id of a document key whose scope prefix has {@code prefixLength} bytes. */
  static String documentId(byte[] key, int prefixLength) {
    return new String(key, prefixLength, key.length - prefixLength, StandardCharsets.UTF_8);
  }

  private static byte[] scopeBytes(String scope) {
    if (scope.indexOf('\0') >= 0) {
      throw new IllegalArgumentException("a document scope may not contain U+0000");
    }
    return scope.getBytes(StandardCharsets.UTF_8);
  }

  // ---- events ----

  static byte[] groupPrefix(long groupId) {
    byte[] key = new byte[8];
    putLong(key, 0, groupId);
    return key;
  }

  static byte[] streamPrefix(StreamKey stream) {
    byte[] key = new byte[STREAM_PREFIX_LENGTH];
    putLong(key, 0, stream.groupId());
    putLong(key, 8, stream.streamId());
    return key;
  }

  static byte[] eventKey(StreamKey stream, long timestamp, long sequence) {
    byte[] key = new byte[EVENT_KEY_LENGTH];
    putLong(key, 0, stream.groupId());
    putLong(key, 8, stream.streamId());
    putLong(key, 16, timestamp);
    putLong(key, 24, sequence);
    return key;
  }

  /** The smallest key of the stream whose timestamp is {@code timestamp}. */
  static byte[] eventKeyAtTime(StreamKey stream, long timestamp) {
    return eventKey(stream, timestamp, Long.MIN_VALUE);
  }

  static byte[] eventValue(StoredEvent event) {
    long delta = event.ingestionTime() - event.timestamp();
    long zigzag = (delta << 1) ^ (delta >> 63);
    byte[] message = event.message();
    byte[] value = new byte[varintLength(zigzag) + message.length];
    int offset = putVarint(value, zigzag);
    System.arraycopy(message, 0, value, offset, message.length);
    return value;
  }

  static StoredEvent decodeEvent(byte[] key, byte[] value) {
    return decodeEvent(key, value, value.length);
  }

  /** Decodes the event whose key is {@code key} and whose value is {@code value[0, valueLength)}. */
  static StoredEvent decodeEvent(byte[] key, byte[] value, int valueLength) {
    long timestamp = getLong(key, 16);
    long sequence = getLong(key, 24);
    long zigzag = 0;
    int offset = 0;
    for (int shift = 0; ; shift += 7) {
      byte b = value[offset++];
      zigzag |= (long) (b & 0x7F) << shift;
      if (b >= 0) {
        break;
      }
    }
    long delta = (zigzag >>> 1) ^ -(zigzag & 1);
    byte[] message = Arrays.copyOfRange(value, offset, valueLength);
    return new StoredEvent(timestamp, sequence, timestamp + delta, message);
  }

  /** Where the message starts in an encoded event value: the length of its varint header. */
  static int messageOffset(byte[] value) {
    int offset = 0;
    while (value[offset++] < 0) {
      // skip the varint's continuation bytes
    }
    return offset;
  }

  /**
   * The message length of an encoded event value of {@code valueLength} bytes, given at least its first
   * {@link #MAX_HEADER_LENGTH} bytes (or all of it, if shorter) in {@code head}.
   */
  static int messageLength(byte[] head, int valueLength) {
    int offset = 0;
    while (head[offset++] < 0) {
      // skip the varint's continuation bytes
    }
    return valueLength - offset;
  }

  // ---- bounds ----

  /** The exclusive upper bound of every key that starts with {@code prefix}. */
  static byte[] endOfPrefix(byte[] prefix) {
    int length = Math.max(prefix.length, EVENT_KEY_LENGTH) + 1;
    byte[] end = Arrays.copyOf(prefix, length);
    Arrays.fill(end, prefix.length, length, (byte) 0xFF);
    return end;
  }

  /** The exclusive upper bound of the document keys of a scope: the prefix's separator plus one. */
  static byte[] endOfScope(byte[] scopePrefix) {
    byte[] end = scopePrefix.clone();
    end[end.length - 1] = SCOPE_SEPARATOR + 1;
    return end;
  }

  /** The smallest key that sorts strictly after {@code key}. */
  static byte[] justAfter(byte[] key) {
    return Arrays.copyOf(key, key.length + 1);
  }

  // ---- primitives ----

  static void putLong(byte[] target, int offset, long value) {
    long flipped = value ^ Long.MIN_VALUE;
    for (int i = 7; i >= 0; i--) {
      target[offset + i] = (byte) flipped;
      flipped >>>= 8;
    }
  }

  static long getLong(byte[] source, int offset) {
    long value = 0;
    for (int i = 0; i < 8; i++) {
      value = (value << 8) | (source[offset + i] & 0xFF);
    }
    return value ^ Long.MIN_VALUE;
  }

  static byte[] intBytes(int value) {
    return new byte[] {(byte) (value >>> 24), (byte) (value >>> 16), (byte) (value >>> 8), (byte) value};
  }

  static int readInt(byte[] bytes) {
    return (bytes[0] & 0xFF) << 24 | (bytes[1] & 0xFF) << 16 | (bytes[2] & 0xFF) << 8 | bytes[3] & 0xFF;
  }

  private static int varintLength(long value) {
    int length = 1;
    while ((value & ~0x7FL) != 0) {
      value >>>= 7;
      length++;
    }
    return length;
  }

  private static int putVarint(byte[] target, long value) {
    int offset = 0;
    while ((value & ~0x7FL) != 0) {
      target[offset++] = (byte) ((value & 0x7F) | 0x80);
      value >>>= 7;
    }
    target[offset++] = (byte) value;
    return offset;
  }
}
