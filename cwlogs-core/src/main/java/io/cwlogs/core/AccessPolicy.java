package io.cwlogs.core;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * An IAM policy document (a destination's access policy), evaluated as IAM evaluates resource policies:
 * an explicit {@code Deny} wins, otherwise some {@code Allow} must match, otherwise access is denied.
 *
 * <p>A statement matches when its {@code Principal} names the caller's account ({@code "*"},
 * {@code {"AWS": "123456789012"}}, {@code "arn:aws:iam::123456789012:root"} or any IAM ARN of that account,
 * since cwlogs knows callers only by account), its {@code Action} covers the action ({@code *} and
 * {@code ?} wildcards, case-insensitive), and its {@code Resource} covers the resource. A statement with a
 * {@code Condition} or {@code NotPrincipal}/{@code NotAction}/{@code NotResource} cannot be decided here
 * (no organizations, no request context), so it never matches: such an Allow grants nothing and such a
 * Deny denies nothing.
 */
public final class AccessPolicy {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private record Statement(boolean allow, List<String> principals, List<String> actions, List<String> resources, boolean decidable) {}

  private final List<Statement> statements;

  private AccessPolicy(List<Statement> statements) {
    this.statements = statements;
  }

  /** Parses a policy document; throws {@link InvalidParameterException} when it is not one. */
  public static AccessPolicy parse(String json) {
    JsonNode root;
    try {
      root = MAPPER.readTree(json);
    } catch (IOException e) {
      throw invalid();
    }
    if (root == null || !root.isObject() || !root.has("Statement")) {
      throw invalid();
    }
    List<Statement> statements = new ArrayList<>();
    for (JsonNode s : list(root.get("Statement"))) {
      String effect = s.path("Effect").asText("");
      if (!effect.equals("Allow") && !effect.equals("Deny")) {
        throw invalid();
      }
      boolean decidable = !s.has("Condition") && !s.has("NotPrincipal") && !s.has("NotAction") && !s.has("NotResource");
      List<String> principals = new ArrayList<>();
      JsonNode principal = s.path("Principal");
      if (principal.isTextual()) {
        principals.add(principal.asText());
      } else if (principal.isObject()) {
        list(principal.path("AWS")).forEach(p -> principals.add(p.asText()));
      }
      statements.add(new Statement(
          effect.equals("Allow"), principals, texts(s.path("Action")), texts(s.path("Resource")), decidable));
    }
    return new AccessPolicy(statements);
  }

  /** Whether {@code account} may perform {@code action} (e.g. {@code logs:PutSubscriptionFilter}) on {@code resource}. */
  public boolean allows(String account, String action, String resource) {
    boolean allowed = false;
    for (Statement s : statements) {
      if (!s.decidable() || !matchesPrincipal(s.principals(), account)
          || s.actions().stream().noneMatch(a -> wildcard(a, action, true))
          || s.resources().stream().noneMatch(r -> wildcard(r, resource, false))) {
        continue;
      }
      if (!s.allow()) {
        return false;
      }
      allowed = true;
    }
    return allowed;
  }

  private static boolean matchesPrincipal(List<String> principals, String account) {
    for (String p : principals) {
      if (p.equals("*") || p.equals(account)) {
        return true;
      }
      String[] parts = p.split(":", 6);
      if (parts.length >= 5 && parts[0].equals("arn") && parts[2].equals("iam") && parts[4].equals(account)) {
        return true;
      }
    }
    return false;
  }

  private static boolean wildcard(String pattern, String value, boolean ignoreCase) {
    StringBuilder regex = new StringBuilder();
    for (char c : pattern.toCharArray()) {
      switch (c) {
        case '*' -> regex.append(".*");
        case '?' -> regex.append('.');
        default -> regex.append(Pattern.quote(String.valueOf(c)));
      }
    }
    return Pattern.compile(regex.toString(), ignoreCase ? Pattern.CASE_INSENSITIVE : 0).matcher(value).matches();
  }

  private static List<JsonNode> list(JsonNode node) {
    List<JsonNode> out = new ArrayList<>();
    if (node.isArray()) {
      node.forEach(out::add);
    } else if (!node.isMissingNode() && !node.isNull()) {
      out.add(node);
    }
    return out;
  }

  private static List<String> texts(JsonNode node) {
    return list(node).stream().map(JsonNode::asText).toList();
  }

  private static InvalidParameterException invalid() {
    return new InvalidParameterException("Access policy is not a valid IAM policy document.");
  }
}
