package io.cwlogs.core;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Opaque {@code nextToken}s for the listing operations: a kind tag and a resume value, base64url-encoded.
 *
 * <p>A token from one listing is refused by another, and anything that does not decode gets AWS's
 * "The specified nextToken is invalid."
 */
public final class PageTokens {

  private PageTokens() {}

  public static String encode(String kind, String value) {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString((kind + ":" + value).getBytes(StandardCharsets.UTF_8));
  }

  /** The resume value inside a token of this kind. */
  public static String decode(String kind, String token) {
    String text;
    try {
      text = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw invalid();
    }
    if (!text.startsWith(kind + ":")) {
      throw invalid();
    }
    return text.substring(kind.length() + 1);
  }

  public static InvalidParameterException invalid() {
    return new InvalidParameterException("The specified nextToken is invalid.");
  }
}
