package io.cwlogs.server;

import io.cwlogs.core.InvalidSignatureException;
import io.cwlogs.core.MissingAuthenticationTokenException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * AWS Signature Version 4: reads who signed a request (access key, region) and, when asked, checks the
 * signature the way AWS does.
 *
 * <p>Credentials come from the {@code Authorization} header ({@code AWS4-HMAC-SHA256
 * Credential=KEY/DATE/REGION/SERVICE/aws4_request, SignedHeaders=..., Signature=...}) or, for presigned
 * requests, from the {@code X-Amz-*} query parameters. Only the headers the client listed as signed take
 * part, so a client that signs just content-type, host and x-amz-target (Electric Imp's AWSRequestV4) and
 * sends an unsigned {@code X-Amz-Date} verifies as it does on AWS.
 */
public final class SigV4 {

  /** What a request's signature says about its sender. */
  public record Credential(
      String accessKey, String date, String region, String service, List<String> signedHeaders,
      String signature, String amzDate) {

    String scope() {
      return date + "/" + region + "/" + service + "/aws4_request";
    }
  }

  /** The parts of an HTTP request a signature covers. */
  public record SignedRequest(
      String method, String path, String rawQuery, Function<String, Optional<String>> header, byte[] body) {}

  private static final DateTimeFormatter AMZ_DATE =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
  private static final Duration MAX_SKEW = Duration.ofMinutes(5);

  private SigV4() {}

  /** The credential a request carries, if it carries one. */
  public static Optional<Credential> parse(SignedRequest request) {
    Optional<String> auth = request.header().apply("Authorization");
    if (auth.isPresent() && auth.get().startsWith("AWS4-HMAC-SHA256")) {
      Map<String, String> parts = new TreeMap<>();
      for (String part : auth.get().substring("AWS4-HMAC-SHA256".length()).split(",")) {
        int eq = part.indexOf('=');
        if (eq > 0) {
          parts.put(part.substring(0, eq).trim(), part.substring(eq + 1).trim());
        }
      }
      String amzDate = request.header().apply("X-Amz-Date").orElse("");
      return credential(parts.get("Credential"), parts.get("SignedHeaders"), parts.get("Signature"), amzDate);
    }
    Map<String, String> query = queryParameters(request.rawQuery());
    if (query.containsKey("X-Amz-Credential")) {
      return credential(
          query.get("X-Amz-Credential"), query.get("X-Amz-SignedHeaders"), query.get("X-Amz-Signature"),
          query.getOrDefault("X-Amz-Date", ""));
    }
    return Optional.empty();
  }

  private static Optional<Credential> credential(
      String credential, String signedHeaders, String signature, String amzDate) {
    if (credential == null) {
      return Optional.empty();
    }
    String[] scope = credential.split("/");
    if (scope.length != 5) {
      return Optional.empty();
    }
    List<String> headers = signedHeaders == null ? List.of() : List.of(signedHeaders.toLowerCase(java.util.Locale.ROOT).split(";"));
    return Optional.of(new Credential(
        scope[0], scope[1], scope[2], scope[3], headers, signature == null ? "" : signature, amzDate));
  }

  /**
   * Checks the signature with the sender's secret key.
   *
   * @throws InvalidSignatureException when it does not match or the request is too old or too new
   */
  public static void verify(SignedRequest request, Credential credential, String secretKey, Instant now) {
    if (credential.signature().isEmpty() || credential.amzDate().isEmpty()) {
      throw new MissingAuthenticationTokenException("Missing Authentication Token");
    }
    Instant signedAt;
    try {
      signedAt = Instant.from(AMZ_DATE.parse(credential.amzDate()));
    } catch (DateTimeParseException e) {
      throw new InvalidSignatureException("Invalid date format: " + credential.amzDate());
    }
    if (Duration.between(signedAt, now).abs().compareTo(MAX_SKEW) > 0) {
      String nowText = AMZ_DATE.format(now);
      throw new InvalidSignatureException(
          signedAt.isBefore(now)
              ? "Signature expired: " + credential.amzDate() + " is now earlier than "
                  + AMZ_DATE.format(now.minus(MAX_SKEW)) + " (" + nowText + " - 5 min.)"
              : "Signature not yet current: " + credential.amzDate() + " is still later than "
                  + AMZ_DATE.format(now.plus(MAX_SKEW)) + " (" + nowText + " + 5 min.)");
    }
    String expected = signature(request, credential, secretKey);
    if (!MessageDigest.isEqual(
        expected.getBytes(StandardCharsets.US_ASCII), credential.signature().getBytes(StandardCharsets.US_ASCII))) {
      throw new InvalidSignatureException(
          "The request signature we calculated does not match the signature you provided. Check your AWS"
              + " Secret Access Key and signing method. Consult the service documentation for details.");
    }
  }

  static String signature(SignedRequest request, Credential credential, String secretKey) {
    String canonical = canonicalRequest(request, credential);
    String stringToSign =
        "AWS4-HMAC-SHA256\n" + credential.amzDate() + "\n" + credential.scope() + "\n" + hex(sha256(utf8(canonical)));
    byte[] key = hmac(utf8("AWS4" + secretKey), credential.date());
    key = hmac(key, credential.region());
    key = hmac(key, credential.service());
    key = hmac(key, "aws4_request");
    return hex(hmac(key, stringToSign));
  }

  private static String canonicalRequest(SignedRequest request, Credential credential) {
    StringBuilder headers = new StringBuilder();
    for (String name : credential.signedHeaders()) {
      String value = request.header().apply(name).orElse("").trim().replaceAll("\\s+", " ");
      headers.append(name).append(':').append(value).append('\n');
    }
    boolean presigned = request.rawQuery() != null && request.rawQuery().contains("X-Amz-Signature");
    String payloadHash =
        request.header().apply("x-amz-content-sha256")
            .orElse(presigned ? "UNSIGNED-PAYLOAD" : hex(sha256(request.body())));
    return request.method() + "\n"
        + canonicalPath(request.path()) + "\n"
        + canonicalQuery(request.rawQuery()) + "\n"
        + headers + "\n"
        + String.join(";", credential.signedHeaders()) + "\n"
        + payloadHash;
  }

  private static String canonicalPath(String path) {
    if (path == null || path.isEmpty()) {
      return "/";
    }
    List<String> segments = new ArrayList<>();
    for (String segment : path.split("/", -1)) {
      segments.add(uriEncode(URLDecoder.decode(segment, StandardCharsets.UTF_8)));
    }
    return String.join("/", segments);
  }

  private static String canonicalQuery(String rawQuery) {
    if (rawQuery == null || rawQuery.isEmpty()) {
      return "";
    }
    List<String> pairs = new ArrayList<>();
    for (Map.Entry<String, String> e : queryParameters(rawQuery).entrySet()) {
      if (!e.getKey().equals("X-Amz-Signature")) {
        pairs.add(uriEncode(e.getKey()) + "=" + uriEncode(e.getValue()));
      }
    }
    pairs.sort(null);
    return String.join("&", pairs);
  }

  private static Map<String, String> queryParameters(String rawQuery) {
    Map<String, String> params = new TreeMap<>();
    if (rawQuery == null || rawQuery.isEmpty()) {
      return params;
    }
    for (String pair : rawQuery.split("&")) {
      int eq = pair.indexOf('=');
      String key = eq < 0 ? pair : pair.substring(0, eq);
      String value = eq < 0 ? "" : pair.substring(eq + 1);
      params.put(URLDecoder.decode(key, StandardCharsets.UTF_8), URLDecoder.decode(value, StandardCharsets.UTF_8));
    }
    return params;
  }

  private static String uriEncode(String s) {
    StringBuilder out = new StringBuilder();
    for (byte b : utf8(s)) {
      char c = (char) (b & 0xff);
      if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
          || c == '-' || c == '_' || c == '.' || c == '~') {
        out.append(c);
      } else {
        out.append('%').append(String.format("%02X", b & 0xff));
      }
    }
    return out.toString();
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] sha256(byte[] data) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(data);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static byte[] hmac(byte[] key, String data) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      return mac.doFinal(utf8(data));
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String hex(byte[] bytes) {
    return HexFormat.of().formatHex(bytes);
  }
}
