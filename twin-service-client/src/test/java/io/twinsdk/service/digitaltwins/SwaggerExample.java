package io.twinsdk.service.digitaltwins;

import com.fasterxml.jackson.databind.JsonNode;
import io.twinsdk.core.internal.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Map;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;

/**
 * One swagger example of the Digital Twins API (see {@code swagger-examples/PROVENANCE.md}): its request parameters
 * and its documented response, which {@link #enqueueOn} replays through a mock server.
 */
final class SwaggerExample {

  private final JsonNode document;

  private SwaggerExample(JsonNode document) {
    this.document = document;
  }

  static SwaggerExample load(String name) {
    try (InputStream in = SwaggerExample.class.getResourceAsStream("/swagger-examples/" + name + ".json")) {
      if (in == null) {
        throw new IllegalArgumentException("No swagger example " + name);
      }
      return new SwaggerExample(Json.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  String param(String name) {
    return document.get("parameters").get(name).asText();
  }

  JsonNode paramNode(String name) {
    return document.get("parameters").get(name);
  }

  Map.Entry<String, JsonNode> response() {
    return document.get("responses").fields().next();
  }

  int status() {
    return Integer.parseInt(response().getKey());
  }

  JsonNode responseBody() {
    return response().getValue().get("body");
  }

  /** Queues the documented response, with its headers and body, on {@code server}. */
  SwaggerExample enqueueOn(MockWebServer server) {
    MockResponse response = new MockResponse().setResponseCode(status());
    JsonNode headers = response().getValue().get("headers");
    if (headers != null) {
      Iterator<Map.Entry<String, JsonNode>> fields = headers.fields();
      while (fields.hasNext()) {
        Map.Entry<String, JsonNode> header = fields.next();
        response.setHeader(header.getKey(), header.getValue().asText());
      }
    }
    JsonNode body = responseBody();
    if (body != null) {
      response.setHeader("Content-Type", "application/json; charset=utf-8").setBody(body.toString());
    }
    server.enqueue(response);
    return this;
  }
}
