package io.cwlogs.insights;

/**
 * The IP address functions' parser: IPv4 dotted quads, IPv6 text forms (RFC 4291 section 2.2, with
 * {@code ::} and an embedded IPv4 tail) and CIDR subnets; never resolves names.
 */
final class IpAddresses {
  private IpAddresses() {}

  /** The 4 bytes of a dotted-quad IPv4 address, or null. */
  static byte[] v4(String s) {
    byte[] out = new byte[4];
    int part = 0;
    int i = 0;
    int n = s.length();
    while (part < 4) {
      int start = i;
      int v = 0;
      while (i < n && Values.isDigit(s.charAt(i)) && i - start < 3) {
        v = v * 10 + (s.charAt(i) - '0');
        i++;
      }
      if (i == start || v > 255 || (i - start > 1 && s.charAt(start) == '0')) {
        return null;
      }
      out[part++] = (byte) v;
      if (part < 4) {
        if (i >= n || s.charAt(i) != '.') {
          return null;
        }
        i++;
      }
    }
    return i == n ? out : null;
  }

  /** The 16 bytes of an IPv6 address, or null. */
  static byte[] v6(String s) {
    if (s.isEmpty() || s.indexOf(':') < 0) {
      return null;
    }
    int[] groups = new int[8];
    int count = 0;
    int gap = -1;
    int i = 0;
    int n = s.length();
    if (s.startsWith("::")) {
      gap = 0;
      i = 2;
      if (i == n) {
        return new byte[16];
      }
    } else if (s.charAt(0) == ':') {
      return null;
    }
    byte[] tail = null;
    while (i < n) {
      if (count >= 8) {
        return null;
      }
      int start = i;
      int v = 0;
      while (i < n && Character.digit(s.charAt(i), 16) >= 0 && i - start < 4) {
        v = v * 16 + Character.digit(s.charAt(i), 16);
        i++;
      }
      if (i < n && s.charAt(i) == '.') {
        tail = v4(s.substring(start));
        if (tail == null || count > 6) {
          return null;
        }
        groups[count++] = ((tail[0] & 0xff) << 8) | (tail[1] & 0xff);
        groups[count++] = ((tail[2] & 0xff) << 8) | (tail[3] & 0xff);
        i = n;
        break;
      }
      if (i == start) {
        return null;
      }
      groups[count++] = v;
      if (i == n) {
        break;
      }
      if (s.charAt(i) != ':') {
        return null;
      }
      i++;
      if (i < n && s.charAt(i) == ':') {
        if (gap >= 0) {
          return null;
        }
        gap = count;
        i++;
        if (i == n) {
          break;
        }
      } else if (i == n) {
        return null;
      }
    }
    if (gap < 0 && count != 8 || gap >= 0 && count > 7) {
      return null;
    }
    int[] full = new int[8];
    if (gap < 0) {
      full = groups;
    } else {
      int after = count - gap;
      System.arraycopy(groups, 0, full, 0, gap);
      System.arraycopy(groups, gap, full, 8 - after, after);
    }
    byte[] out = new byte[16];
    for (int k = 0; k < 8; k++) {
      out[2 * k] = (byte) (full[k] >> 8);
      out[2 * k + 1] = (byte) full[k];
    }
    return out;
  }

  /** Whether {@code ip} lies in {@code cidr}; {@code family} is 4, 6 or 0 for either. */
  static boolean inSubnet(String ip, String cidr, int family) {
    int slash = cidr.indexOf('/');
    String net = slash < 0 ? cidr : cidr.substring(0, slash);
    byte[] a = family == 6 ? null : v4(ip);
    byte[] b = a != null ? v4(net) : null;
    if (a == null && family != 4) {
      a = v6(ip);
      b = a != null ? v6(net) : null;
    }
    if (a == null || b == null) {
      return false;
    }
    int bits = a.length * 8;
    if (slash >= 0) {
      Double p = Values.parseNumber(cidr.substring(slash + 1));
      if (p == null || p < 0 || p > bits || p != Math.rint(p)) {
        return false;
      }
      bits = p.intValue();
    }
    for (int k = 0; k < bits; k++) {
      int mask = 0x80 >> (k % 8);
      if ((a[k / 8] & mask) != (b[k / 8] & mask)) {
        return false;
      }
    }
    return true;
  }
}
