package io.cwlogs.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cwlogs.core.LogsException;
import io.cwlogs.core.LogsService;
import io.cwlogs.core.MetricSeries;
import io.cwlogs.core.PutLogEventsBatch;
import io.cwlogs.core.RequestContext;
import io.cwlogs.core.SerializationException;
import io.cwlogs.core.ServiceUnavailableException;
import io.cwlogs.core.Tenant;
import io.cwlogs.core.UnknownOperationException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Fields;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.SdkPojo;

/**
 * The HTTP face of the service: CloudWatch Logs' JSON 1.1 protocol on {@code POST /}, plus
 * {@code GET /health}, {@code GET /metrics}, {@code GET /_cwlogs/metrics} (metric filter metrics as JSON,
 * per minute, for the web console) and, when enabled, the reset endpoints for test suites.
 *
 * <p>A call is {@code X-Amz-Target: Logs_20140328.<Operation>} with a JSON body. Every answer carries
 * {@code x-amzn-RequestId}; errors are HTTP 4xx/5xx with {@code {"__type": code, "message": text}} and an
 * {@code x-amzn-ErrorType} header, as AWS sends them. Anything unexpected is logged and answered as
 * {@code ServiceUnavailableException}, never as a bare 500 page.
 */
public final class LogsHandler extends Handler.Abstract {

  private static final Logger LOG = LoggerFactory.getLogger(LogsHandler.class);
  private static final String TARGET_PREFIX = "Logs_20140328.";
  private static final int MAX_BODY_BYTES = 16 * 1024 * 1024;
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String PUT_LOG_EVENTS = "PutLogEvents";

  private final LogsService service;
  private final Authenticator authenticator;
  private final JsonCodec codec;
  private final PutLogEventsDecoder putLogEventsDecoder;
  private final ServerMetrics metrics = new ServerMetrics();
  private final boolean resetEnabled;

  public LogsHandler(LogsService service, Authenticator authenticator, JsonCodec codec, boolean resetEnabled) {
    this.service = service;
    this.codec = codec;
    this.putLogEventsDecoder = new PutLogEventsDecoder(codec);
    this.authenticator = authenticator;
    this.resetEnabled = resetEnabled;
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) throws Exception {
    String requestId = UUID.randomUUID().toString();
    response.getHeaders().put("x-amzn-RequestId", requestId);
    String path = Request.getPathInContext(request);
    String method = request.getMethod();
    if (method.equals("GET") && path.equals("/health")) {
      return send(response, callback, 200, "application/json", "{\"status\":\"ok\"}");
    }
    if (method.equals("GET") && path.equals("/metrics")) {
      return send(response, callback, 200, "text/plain; version=0.0.4", metrics.prometheusText() + service.backgroundMetricsText());
    }
    if (method.equals("GET") && path.equals("/_cwlogs/metrics")) {
      return send(response, callback, 200, "application/json", metricsJson(Request.extractQueryParameters(request)));
    }
    if (method.equals("POST") && (path.equals("/_cwlogs/reset") || path.equals("/moto-api/reset"))) {
      if (!resetEnabled) {
        return send(response, callback, 404, "application/json", "{\"message\":\"reset is not enabled; start with --enable-reset\"}");
      }
      service.reset();
      return send(response, callback, 200, "application/json", "{\"status\":\"reset\"}");
    }
    if (!method.equals("POST")) {
      return send(response, callback, 404, "application/json", "{\"message\":\"Not Found\"}");
    }
    long started = System.nanoTime();
    String operation = "unknown";
    String outcome = "ok";
    try {
      byte[] body = readBody(request);
      String target = Optional.ofNullable(request.getHeaders().get("X-Amz-Target")).orElse("");
      if (!target.startsWith(TARGET_PREFIX)) {
        throw new UnknownOperationException("");
      }
      operation = target.substring(TARGET_PREFIX.length());
      if (!service.isApiOperation(operation)) {
        throw new UnknownOperationException("");
      }
      Tenant tenant = authenticator.authenticate(signedRequest(request, path, body), Instant.now());
      RequestContext ctx = new RequestContext(tenant, requestId, service.now());
      byte[] answer;
      if (operation.equals(PUT_LOG_EVENTS)) {
        // The ingest hot path: no JSON tree and no SDK objects per event, same answers (PutLogEventsDecoder).
        PutLogEventsBatch batch = putLogEventsDecoder.decode(body);
        answer = codec.encode(service.putLogEvents(ctx, batch));
      } else {
        Class<? extends SdkPojo> type =
            service.requestType(operation).orElseThrow(() -> new io.cwlogs.core.NotImplementedException(target.substring(TARGET_PREFIX.length())));
        answer = codec.encode(service.execute(operation, ctx, codec.decode(body, type)));
      }
      response.setStatus(200);
      response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/x-amz-json-1.1");
      response.write(true, ByteBuffer.wrap(answer), callback);
      return true;
    } catch (LogsException e) {
      outcome = e.code();
      return sendError(response, callback, e);
    } catch (RuntimeException e) {
      outcome = "ServiceUnavailableException";
      LOG.error("request {} ({}) failed", requestId, operation, e);
      return sendError(response, callback, new ServiceUnavailableException("The service could not complete the request."));
    } finally {
      metrics.record(operation, outcome, System.nanoTime() - started);
    }
  }

  /**
   * {@code {"series":[{account, region, namespace, metricName, dimensions, unit, points:[{timestamp, sum,
   * sampleCount, min, max}]}]}} for the series matching the optional {@code namespace}, {@code metric},
   * {@code account} and {@code region} parameters.
   */
  private String metricsJson(Fields query) throws JsonProcessingException {
    List<Map<String, Object>> series = new ArrayList<>();
    for (MetricSeries s : service.metricFilterMetrics().find(
        Optional.ofNullable(query.getValue("account")), Optional.ofNullable(query.getValue("region")),
        Optional.ofNullable(query.getValue("namespace")), Optional.ofNullable(query.getValue("metric")))) {
      Map<String, Object> one = new LinkedHashMap<>();
      one.put("account", s.key().account());
      one.put("region", s.key().region());
      one.put("namespace", s.key().namespace());
      one.put("metricName", s.key().metricName());
      one.put("dimensions", s.key().dimensions());
      one.put("unit", s.unit());
      one.put("points", s.points());
      series.add(one);
    }
    return JSON.writeValueAsString(Map.of("series", series));
  }

  private static byte[] readBody(Request request) throws java.io.IOException {
    long length = request.getLength();
    if (length > MAX_BODY_BYTES) {
      throw new SerializationException("Request body is larger than " + MAX_BODY_BYTES + " bytes.");
    }
    try (InputStream in = Content.Source.asInputStream(request)) {
      if (length >= 0) {
        // The usual case (SDKs send Content-Length): one array of the right size, filled in place,
        // rather than readNBytes' chunks copied together at the end.
        byte[] body = new byte[(int) length];
        int read = in.readNBytes(body, 0, body.length);
        return read == body.length ? body : java.util.Arrays.copyOf(body, read);
      }
      byte[] body = in.readNBytes(MAX_BODY_BYTES + 1);
      if (body.length > MAX_BODY_BYTES) {
        throw new SerializationException("Request body is larger than " + MAX_BODY_BYTES + " bytes.");
      }
      return body;
    }
  }

  private static SigV4.SignedRequest signedRequest(Request request, String path, byte[] body) {
    return new SigV4.SignedRequest(
        request.getMethod(),
        request.getHttpURI().getPath() == null ? path : request.getHttpURI().getPath(),
        request.getHttpURI().getQuery(),
        name -> Optional.ofNullable(
            name.equalsIgnoreCase("host") ? hostHeader(request) : request.getHeaders().get(name)),
        body);
  }

  private static String hostHeader(Request request) {
    String host = request.getHeaders().get(HttpHeader.HOST);
    return host != null ? host : request.getHttpURI().getAuthority();
  }

  private boolean sendError(Response response, Callback callback, LogsException e) {
    String body = "{\"__type\":" + quote(e.code()) + ",\"message\":" + quote(e.getMessage()) + "}";
    if (!e.extraMembers().isEmpty()) {
      body = errorWithMembers(e);
    }
    response.getHeaders().put("x-amzn-ErrorType", e.code());
    return send(response, callback, e.httpStatus(), "application/x-amz-json-1.1", body);
  }

  /** An error body with the error shape's extra members (e.g. {@code queryCompileError}). */
  private static String errorWithMembers(LogsException e) {
    java.util.Map<String, Object> body = new java.util.LinkedHashMap<>();
    body.put("__type", e.code());
    body.put("message", e.getMessage() == null ? "" : e.getMessage());
    body.putAll(e.extraMembers());
    try {
      return JSON.writeValueAsString(body);
    } catch (com.fasterxml.jackson.core.JsonProcessingException x) {
      throw new IllegalStateException("cannot encode an error body", x);
    }
  }

  private static boolean send(Response response, Callback callback, int status, String type, String body) {
    response.setStatus(status);
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, type);
    response.write(true, ByteBuffer.wrap(body.getBytes(StandardCharsets.UTF_8)), callback);
    return true;
  }

  private static String quote(String s) {
    StringBuilder out = new StringBuilder("\"");
    for (char c : (s == null ? "" : s).toCharArray()) {
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.append('"').toString();
  }
}
