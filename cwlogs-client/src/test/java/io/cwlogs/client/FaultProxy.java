package io.cwlogs.client;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A small HTTP/1.1 proxy in front of the test endpoint that injects faults into PutLogEvents.
 *
 * <p>Requests are forwarded byte for byte (the Host header too, so SigV4 signatures stay valid),
 * one upstream connection per request. Scripted faults apply, in order, to the next PutLogEvents
 * requests; other operations always pass. {@link #down(boolean)} simulates a server that is gone:
 * open connections are cut and new ones closed at once.
 */
final class FaultProxy implements AutoCloseable {
  enum Fault {
    PASS,
    /** 400 ThrottlingException. */
    THROTTLE,
    /** 400 InvalidParameterException: permanent, must not be retried. */
    INVALID_400,
    /** 500 ServiceUnavailableException. */
    ERROR_500,
    /** Close the connection after reading the request, without forwarding it. */
    DROP_REQUEST,
    /** Forward the request, then close the connection instead of answering. */
    DROP_RESPONSE
  }

  private final URI upstream;
  private final ServerSocket server;
  private final Deque<Fault> script = new ArrayDeque<>();
  private final Set<Socket> open = ConcurrentHashMap.newKeySet();
  private final AtomicInteger puts = new AtomicInteger();
  private final AtomicInteger connections = new AtomicInteger();
  private volatile boolean down;

  FaultProxy(URI upstream) throws IOException {
    this.upstream = upstream;
    this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    Thread t = new Thread(this::acceptLoop, "fault-proxy-accept");
    t.setDaemon(true);
    t.start();
  }

  URI uri() {
    return URI.create("http://127.0.0.1:" + server.getLocalPort());
  }

  synchronized void script(Fault... faults) {
    script.addAll(java.util.List.of(faults));
  }

  /** PutLogEvents requests seen, faulty or not. */
  int putRequests() {
    return puts.get();
  }

  void down(boolean isDown) {
    this.down = isDown;
    if (isDown) {
      for (Socket s : open) {
        closeQuietly(s);
      }
    }
  }

  private synchronized Fault nextFault() {
    Fault f = script.pollFirst();
    return f == null ? Fault.PASS : f;
  }

  private void acceptLoop() {
    while (!server.isClosed()) {
      try {
        Socket s = server.accept();
        if (down) {
          s.close();
          continue;
        }
        open.add(s);
        Thread t = new Thread(() -> serve(s), "fault-proxy-conn-" + connections.incrementAndGet());
        t.setDaemon(true);
        t.start();
      } catch (IOException e) {
        return;
      }
    }
  }

  private void serve(Socket client) {
    try (client) {
      InputStream in = new BufferedInputStream(client.getInputStream());
      OutputStream out = client.getOutputStream();
      while (true) {
        Message req = Message.read(in, true);
        if (req == null || down) {
          return;
        }
        boolean isPut =
            req.headers.getOrDefault("x-amz-target", "").endsWith(".PutLogEvents");
        Fault fault = Fault.PASS;
        if (isPut) {
          puts.incrementAndGet();
          fault = nextFault();
        }
        switch (fault) {
          case DROP_REQUEST -> {
            return;
          }
          case THROTTLE -> respond(out, 400, "ThrottlingException", "Rate exceeded");
          case INVALID_400 -> respond(out, 400, "InvalidParameterException", "Bad input");
          case ERROR_500 ->
              respond(out, 500, "ServiceUnavailableException", "The server failed");
          case PASS, DROP_RESPONSE -> {
            byte[] response = forward(req);
            if (fault == Fault.DROP_RESPONSE || down) {
              return;
            }
            out.write(response);
            out.flush();
          }
        }
      }
    } catch (IOException e) {
      // connection cut: by the client, by down(), or by design
    } finally {
      open.remove(client);
    }
  }

  private byte[] forward(Message req) throws IOException {
    try (Socket up = new Socket(upstream.getHost(), upstream.getPort())) {
      OutputStream o = up.getOutputStream();
      StringBuilder head = new StringBuilder(req.startLine).append("\r\n");
      req.rawHeaders.forEach(
          (k, v) -> {
            if (!k.equalsIgnoreCase("connection")) {
              head.append(k).append(": ").append(v).append("\r\n");
            }
          });
      head.append("Connection: close\r\n\r\n");
      o.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
      o.write(req.body);
      o.flush();
      Message resp = Message.read(new BufferedInputStream(up.getInputStream()), false);
      if (resp == null) {
        throw new IOException("upstream closed");
      }
      StringBuilder h = new StringBuilder(resp.startLine).append("\r\n");
      resp.rawHeaders.forEach(
          (k, v) -> {
            String lk = k.toLowerCase(Locale.ROOT);
            if (!lk.equals("connection")
                && !lk.equals("content-length")
                && !lk.equals("transfer-encoding")) {
              h.append(k).append(": ").append(v).append("\r\n");
            }
          });
      h.append("Content-Length: ").append(resp.body.length).append("\r\n\r\n");
      ByteArrayOutputStream all = new ByteArrayOutputStream();
      all.write(h.toString().getBytes(StandardCharsets.ISO_8859_1));
      all.write(resp.body);
      return all.toByteArray();
    }
  }

  private static void respond(OutputStream out, int status, String type, String message)
      throws IOException {
    byte[] body =
        ("{\"__type\":\"" + type + "\",\"message\":\"" + message + "\"}")
            .getBytes(StandardCharsets.UTF_8);
    String head =
        "HTTP/1.1 "
            + status
            + (status == 400 ? " Bad Request" : " Internal Server Error")
            + "\r\nContent-Type: application/x-amz-json-1.1\r\nx-amzn-ErrorType: "
            + type
            + "\r\nx-amzn-RequestId: fault-proxy\r\nContent-Length: "
            + body.length
            + "\r\n\r\n";
    out.write(head.getBytes(StandardCharsets.ISO_8859_1));
    out.write(body);
    out.flush();
  }

  private static void closeQuietly(Socket s) {
    try {
      s.close();
    } catch (IOException ignored) {
      // best effort
    }
  }

  @Override
  public void close() throws IOException {
    server.close();
    for (Socket s : open) {
      closeQuietly(s);
    }
  }

  /** One HTTP/1.1 message: start line, headers and body (Content-Length, chunked or to EOF). */
  private static final class Message {
    String startLine;
    final Map<String, String> rawHeaders = new LinkedHashMap<>();
    final Map<String, String> headers = new LinkedHashMap<>();
    byte[] body;

    static Message read(InputStream in, boolean request) throws IOException {
      String start = line(in);
      if (start == null || start.isEmpty()) {
        return null;
      }
      Message m = new Message();
      m.startLine = start;
      for (String l = line(in); l != null && !l.isEmpty(); l = line(in)) {
        int colon = l.indexOf(':');
        String k = l.substring(0, colon).trim();
        String v = l.substring(colon + 1).trim();
        m.rawHeaders.put(k, v);
        m.headers.put(k.toLowerCase(Locale.ROOT), v);
      }
      String len = m.headers.get("content-length");
      if (len != null) {
        m.body = in.readNBytes(Integer.parseInt(len));
      } else if ("chunked".equalsIgnoreCase(m.headers.get("transfer-encoding"))) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        for (int n = Integer.parseInt(line(in).split(";")[0].trim(), 16);
            n > 0;
            n = Integer.parseInt(line(in).split(";")[0].trim(), 16)) {
          b.write(in.readNBytes(n));
          line(in);
        }
        line(in);
        m.body = b.toByteArray();
      } else {
        m.body = request ? new byte[0] : in.readAllBytes();
      }
      return m;
    }

    private static String line(InputStream in) throws IOException {
      ByteArrayOutputStream b = new ByteArrayOutputStream();
      int c;
      while ((c = in.read()) != -1) {
        if (c == '\n') {
          byte[] bytes = b.toByteArray();
          int n = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
          return new String(bytes, 0, n, StandardCharsets.ISO_8859_1);
        }
        b.write(c);
      }
      return b.size() == 0 ? null : b.toString(StandardCharsets.ISO_8859_1);
    }
  }
}
