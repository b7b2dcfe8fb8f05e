package io.cwlogs.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import java.util.zip.GZIPInputStream;

/** A small HTTP endpoint that records what cwlogs POSTs to it, and can be told to fail. */
final class Subscriber implements AutoCloseable {

  /** One POST: its headers and body. */
  record Post(Map<String, List<String>> headers, byte[] body) {
    String header(String name) {
      return headers.entrySet().stream()
          .filter(e -> e.getKey().equalsIgnoreCase(name))
          .map(e -> e.getValue().get(0))
          .findFirst()
          .orElse(null);
    }
  }

  static final ObjectMapper JSON = new ObjectMapper();

  final List<Post> posts = new CopyOnWriteArrayList<>();
  volatile int failWith = 0;
  private final HttpServer server;

  Subscriber() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/", exchange -> {
      byte[] body = exchange.getRequestBody().readAllBytes();
      int status = failWith;
      if (status == 0) {
        posts.add(new Post(Map.copyOf(exchange.getRequestHeaders()), body));
        status = 200;
      }
      exchange.sendResponseHeaders(status, -1);
      exchange.close();
    });
    server.start();
  }

  String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/";
  }

  static byte[] gunzip(byte[] gzip) {
    try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gzip))) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static JsonNode json(byte[] bytes) {
    try {
      return JSON.readTree(bytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Every payload received so far, decompressed (raw gzip bodies, as a Kinesis route sends them). */
  List<String> payloads() {
    List<String> out = new ArrayList<>();
    for (Post p : posts) {
      out.add(new String(gunzip(p.body()), StandardCharsets.UTF_8));
    }
    return out;
  }

  /** The messages of every DATA_MESSAGE received, in arrival order. */
  List<String> dataMessages() {
    List<String> out = new ArrayList<>();
    for (String payload : payloads()) {
      JsonNode node = json(payload.getBytes(StandardCharsets.UTF_8));
      if (node.get("messageType").asText().equals("DATA_MESSAGE")) {
        node.get("logEvents").forEach(e -> out.add(e.get("message").asText()));
      }
    }
    return out;
  }

  static <T> T await(java.util.function.Supplier<T> value, Predicate<T> done, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    T current = value.get();
    while (!done.test(current) && System.nanoTime() < deadline) {
      Thread.sleep(50);
      current = value.get();
    }
    return current;
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
