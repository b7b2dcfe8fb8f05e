package io.cwlogs.storage.rocksdb;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Random;
import java.util.UUID;

/**
 * Generates log lines shaped like real ones, for measuring compression: web access logs (combined
 * format), Java application logs (with request ids, numbers and the odd stack trace) and JSON
 * structured logs (with random trace ids). Random ids and numbers are deliberately left in, since they
 * are what keeps real logs from compressing better.
 */
final class RealisticLogs {

  enum Kind {
    ACCESS,
    APPLICATION,
    JSON
  }

  private static final DateTimeFormatter CLF =
      DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.ROOT).withZone(ZoneOffset.UTC);
  private static final DateTimeFormatter APP =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS", Locale.ROOT).withZone(ZoneOffset.UTC);
  private static final String[] PATHS = {
    "/", "/index.html", "/api/v1/orders/%d", "/api/v1/orders/%d/items", "/api/v1/users/%d/profile",
    "/static/js/app.%x.js", "/static/css/main.%x.css", "/images/products/%d.jpg", "/health",
    "/api/v1/search?q=shoes&page=%d", "/api/v1/cart", "/login", "/logout", "/favicon.ico"
  };
  private static final String[] AGENTS = {
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36",
    "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_1) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.1 Safari/605.1.15",
    "Mozilla/5.0 (X11; Linux x86_64; rv:120.0) Gecko/20100101 Firefox/120.0",
    "Mozilla/5.0 (iPhone; CPU iPhone OS 17_1 like Mac OS X) AppleWebKit/605.1.15 Mobile/15E148",
    "curl/8.4.0",
    "kube-probe/1.28",
    "Go-http-client/1.1"
  };
  private static final String[] LOGGERS = {
    "c.e.shop.OrderService", "c.e.shop.PaymentClient", "c.e.shop.web.CartController",
    "o.h.engine.jdbc.spi.SqlExceptionHelper", "c.e.shop.InventorySync", "o.s.web.servlet.DispatcherServlet"
  };

  private final Random random;
  private final Kind kind;
  private long time = 1_763_700_000_000L;

  RealisticLogs(Kind kind, long seed) {
    this.kind = kind;
    this.random = new Random(seed);
  }

  long timestamp() {
    return time;
  }

  /** The next line; advances the clock by a few milliseconds. */
  String next() {
    time += random.nextInt(20);
    return switch (kind) {
      case ACCESS -> access();
      case APPLICATION -> application();
      case JSON -> json();
    };
  }

  private String access() {
    String ip = "10." + random.nextInt(4) + "." + random.nextInt(40) + "." + random.nextInt(256);
    String path = String.format(Locale.ROOT, pick(PATHS), random.nextInt(100_000));
    int status = random.nextInt(100) < 90 ? 200 : pick(new Integer[] {301, 304, 404, 500, 502});
    return String.format(
        Locale.ROOT,
        "%s - - [%s] \"%s %s HTTP/1.1\" %d %d \"https://shop.example.com/\" \"%s\" %.3f",
        ip,
        CLF.format(Instant.ofEpochMilli(time)),
        random.nextInt(5) == 0 ? "POST" : "GET",
        path,
        status,
        random.nextInt(50_000),
        pick(AGENTS),
        random.nextDouble() / 4);
  }

  private String application() {
    String level = random.nextInt(20) == 0 ? "WARN " : random.nextInt(50) == 0 ? "ERROR" : "INFO ";
    String head =
        APP.format(Instant.ofEpochMilli(time))
            + " " + level + " [http-nio-8080-exec-" + random.nextInt(16) + "] " + pick(LOGGERS) + " - ";
    String body =
        switch (random.nextInt(5)) {
          case 0 -> "Order " + random.nextInt(1_000_000) + " placed by user " + random.nextInt(50_000)
              + " total=" + random.nextInt(500) + "." + random.nextInt(100) + " EUR";
          case 1 -> "Payment authorised in " + random.nextInt(900) + " ms requestId=" + uuid();
          case 2 -> "Inventory sync finished: " + random.nextInt(5000) + " items updated, "
              + random.nextInt(20) + " skipped";
          case 3 -> "Completed 200 OK in " + random.nextInt(300) + "ms for GET /api/v1/cart";
          default -> "Cache miss for key product:" + random.nextInt(100_000) + ", loading from database";
        };
    if (level.equals("ERROR")) {
      body += "\njava.sql.SQLTransientConnectionException: HikariPool-1 - Connection is not available"
          + "\n\tat com.zaxxer.hikari.pool.HikariPool.createTimeoutException(HikariPool.java:696)"
          + "\n\tat com.zaxxer.hikari.pool.HikariPool.getConnection(HikariPool.java:181)"
          + "\n\tat c.e.shop.OrderService.place(OrderService.java:" + (40 + random.nextInt(200)) + ")";
    }
    return head + body;
  }

  private String json() {
    return "{\"time\":\"" + Instant.ofEpochMilli(time) + "\",\"level\":\""
        + (random.nextInt(10) == 0 ? "warn" : "info") + "\",\"msg\":\"request completed\",\"method\":\""
        + (random.nextInt(4) == 0 ? "POST" : "GET") + "\",\"path\":\""
        + String.format(Locale.ROOT, pick(PATHS), random.nextInt(100_000)) + "\",\"status\":"
        + (random.nextInt(100) < 95 ? 200 : 404) + ",\"duration_ms\":" + random.nextInt(2000) / 10.0
        + ",\"trace_id\":\"" + uuid().replace("-", "") + "\",\"user_id\":" + random.nextInt(50_000)
        + ",\"service\":\"checkout\",\"region\":\"eu-west-1\"}";
  }

  private String uuid() {
    return new UUID(random.nextLong(), random.nextLong()).toString();
  }

  private <T> T pick(T[] values) {
    return values[random.nextInt(values.length)];
  }
}
