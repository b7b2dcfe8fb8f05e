package io.cwlogs.server;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The settings of {@code cwlogs serve}: each is a flag and a {@code CWLOGS_*} environment variable; a flag
 * wins over the variable, the variable over the default. Keep the names stable: users' scripts use them.
 */
public record ServerOptions(
    String host,
    int port,
    Path dataDir,
    AuthMode auth,
    List<AccessKey> accessKeys,
    String defaultAccount,
    String defaultRegion,
    boolean enableReset,
    long retentionSweepSeconds,
    Map<String, java.net.URI> subscriptionRoutes,
    Optional<Path> subscriptionDir,
    Path exportDir) {

  /** Whether signatures are checked. */
  public enum AuthMode {
    OFF,
    VERIFY
  }

  /** A configured credential: access key, secret, and the account its requests act in. */
  public record AccessKey(String accessKeyId, String secretKey, String account) {}

  /** One option: its flag, variable, default and help line. */
  private record Option(String flag, String env, String defaultValue, String help) {}

  private static final List<Option> OPTIONS = List.of(
      new Option("--host", "CWLOGS_HOST", "0.0.0.0", "address to listen on"),
      new Option("--port", "CWLOGS_PORT", "4566", "port to listen on (LocalStack's, so endpoint settings carry over)"),
      new Option("--data-dir", "CWLOGS_DATA_DIR", "./data", "where log data is kept"),
      new Option("--auth", "CWLOGS_AUTH", "off", "off: accept any signature; verify: check SigV4 against --access-keys"),
      new Option("--access-keys", "CWLOGS_ACCESS_KEYS", "",
          "comma-separated KEY:SECRET[:ACCOUNT] credentials; requests signed with KEY act in ACCOUNT"),
      new Option("--default-account", "CWLOGS_DEFAULT_ACCOUNT", "000000000000",
          "account for access keys not listed in --access-keys (moto's suites expect 123456789012)"),
      new Option("--default-region", "CWLOGS_DEFAULT_REGION", "us-east-1", "region for unsigned requests"),
      new Option("--enable-reset", "CWLOGS_ENABLE_RESET", "false",
          "answer POST /_cwlogs/reset and POST /moto-api/reset by wiping all data (for test suites)"),
      new Option("--retention-sweep-seconds", "CWLOGS_RETENTION_SWEEP_SECONDS", "60",
          "how often expired events are deleted"),
      new Option("--subscription-routes", "CWLOGS_SUBSCRIPTION_ROUTES", "",
          "comma-separated ARN=URI: where a subscription destination ARN delivers; URI is http(s)://..., "
              + "file:///dir or kafka://host:port/topic"),
      new Option("--subscription-dir", "CWLOGS_SUBSCRIPTION_DIR", "",
          "where ARNs without a route deliver (a subdirectory per ARN); default <data-dir>/subscriptions, "
              + "'none' to refuse unrouted ARNs as AWS refuses unreachable ones"),
      new Option("--export-dir", "CWLOGS_EXPORT_DIR", "",
          "where CreateExportTask writes: bucket B is the directory <export-dir>/B (create it first); "
              + "default <data-dir>/exports"));

  /** Reads options from command-line arguments (after {@code serve}) and the environment. */
  public static ServerOptions parse(List<String> args, Map<String, String> env) {
    Map<String, String> values = new LinkedHashMap<>();
    for (Option o : OPTIONS) {
      values.put(o.flag(), Optional.ofNullable(env.get(o.env())).orElse(o.defaultValue()));
    }
    for (int i = 0; i < args.size(); i++) {
      String arg = args.get(i);
      String flag = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
      if (!values.containsKey(flag)) {
        throw new IllegalArgumentException("unknown option " + arg + "; see --help");
      }
      if (arg.contains("=")) {
        values.put(flag, arg.substring(arg.indexOf('=') + 1));
      } else if (flag.equals("--enable-reset")) {
        values.put(flag, "true");
      } else if (i + 1 < args.size()) {
        values.put(flag, args.get(++i));
      } else {
        throw new IllegalArgumentException(flag + " needs a value");
      }
    }
    String defaultAccount = values.get("--default-account");
    return new ServerOptions(
        values.get("--host"),
        Integer.parseInt(values.get("--port")),
        Path.of(values.get("--data-dir")),
        AuthMode.valueOf(values.get("--auth").toUpperCase(Locale.ROOT)),
        accessKeys(values.get("--access-keys"), defaultAccount),
        defaultAccount,
        values.get("--default-region"),
        Boolean.parseBoolean(values.get("--enable-reset")),
        Long.parseLong(values.get("--retention-sweep-seconds")),
        routes(values.get("--subscription-routes")),
        subscriptionDir(values.get("--subscription-dir"), Path.of(values.get("--data-dir"))),
        values.get("--export-dir").isEmpty()
            ? Path.of(values.get("--data-dir")).resolve("exports")
            : Path.of(values.get("--export-dir")));
  }

  private static Map<String, java.net.URI> routes(String spec) {
    Map<String, java.net.URI> routes = new LinkedHashMap<>();
    for (String entry : spec.split(",")) {
      if (entry.isBlank()) {
        continue;
      }
      int eq = entry.indexOf('=');
      if (eq < 0) {
        throw new IllegalArgumentException("subscription route must be ARN=URI: " + entry);
      }
      routes.put(entry.substring(0, eq).trim(), java.net.URI.create(entry.substring(eq + 1).trim()));
    }
    return routes;
  }

  private static Optional<Path> subscriptionDir(String value, Path dataDir) {
    if (value.equals("none")) {
      return Optional.empty();
    }
    return Optional.of(value.isEmpty() ? dataDir.resolve("subscriptions") : Path.of(value));
  }

  private static List<AccessKey> accessKeys(String spec, String defaultAccount) {
    List<AccessKey> keys = new ArrayList<>();
    for (String entry : spec.split(",")) {
      if (entry.isBlank()) {
        continue;
      }
      String[] parts = entry.trim().split(":");
      if (parts.length < 2) {
        throw new IllegalArgumentException("access key entry must be KEY:SECRET[:ACCOUNT]: " + entry);
      }
      keys.add(new AccessKey(parts[0], parts[1], parts.length > 2 ? parts[2] : defaultAccount));
    }
    return keys;
  }

  /** The text of {@code cwlogs serve --help}. */
  public static String help() {
    StringBuilder out = new StringBuilder("Usage: cwlogs serve [options]\n\nOptions (flag, environment variable, default):\n");
    for (Option o : OPTIONS) {
      out.append(String.format("  %-28s %-32s %s%n      %s%n", o.flag(), o.env(), o.defaultValue().isEmpty() ? "(none)" : o.defaultValue(), o.help()));
    }
    return out.toString();
  }
}
