package io.cwlogs.core;

import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Where each destination ARN really delivers: the configured routes from ARN to sink URI, and a
 * directory for ARNs nobody routed.
 *
 * <p>Sink URIs: {@code http://…} / {@code https://…} ({@link HttpSink}), {@code file:///dir}
 * ({@link DirectorySink}), and any scheme the server adds (cwlogs-server adds {@code kafka://host:port/topic}).
 * An ARN without a route delivers to {@code <defaultDir>/<ARN with unsafe characters as _>/}, so a
 * subscription always has a visible effect; with no default directory such an ARN is refused at
 * PutSubscriptionFilter time, as AWS refuses a destination it cannot reach.
 */
public final class DeliveryTargets implements AutoCloseable {

  private final Map<String, URI> routes;
  private final Optional<Path> defaultDir;
  private final Map<String, Function<URI, DeliverySink>> schemes;
  private final Map<URI, DeliverySink> open = new ConcurrentHashMap<>();

  public DeliveryTargets(
      Map<String, URI> routes, Optional<Path> defaultDir, Map<String, Function<URI, DeliverySink>> schemes) {
    this.routes = Map.copyOf(routes);
    this.defaultDir = defaultDir;
    this.schemes = Map.copyOf(schemes);
  }

  /** No routes and no default directory: every subscription is refused. */
  public static DeliveryTargets none() {
    return new DeliveryTargets(Map.of(), Optional.empty(), Map.of());
  }

  /** The sink URI an ARN delivers to, if any. */
  public Optional<URI> route(String arn) {
    URI uri = routes.get(arn);
    if (uri != null) {
      return Optional.of(uri);
    }
    return defaultDir.map(d -> d.resolve(arn.replaceAll("[^A-Za-z0-9._-]", "_")).toUri());
  }

  /** The sink of an ARN that has a route of its own (not the default directory). */
  public Optional<DeliverySink> explicitSink(String arn) {
    return Optional.ofNullable(routes.get(arn)).map(uri -> open.computeIfAbsent(uri, this::openSink));
  }

  /** The sink for an ARN, opened on first use and shared afterwards. */
  public Optional<DeliverySink> sink(String arn) {
    return route(arn).map(uri -> open.computeIfAbsent(uri, this::openSink));
  }

  private DeliverySink openSink(URI uri) {
    String scheme = uri.getScheme() == null ? "file" : uri.getScheme();
    return switch (scheme) {
      case "http", "https" -> new HttpSink(uri);
      case "file" -> new DirectorySink(Path.of(uri));
      default -> {
        Function<URI, DeliverySink> factory = schemes.get(scheme);
        if (factory == null) {
          throw new IllegalArgumentException("no delivery sink for scheme " + scheme + " (" + uri + ")");
        }
        yield factory.apply(uri);
      }
    };
  }

  @Override
  public void close() {
    open.values().forEach(DeliverySink::close);
    open.clear();
  }
}
