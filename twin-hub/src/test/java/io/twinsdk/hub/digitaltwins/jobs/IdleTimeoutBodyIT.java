package io.twinsdk.hub.digitaltwins.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * An import input's body read against a local server that sends part of a body and then stalls: the read gives up
 * after the idle timeout instead of holding the bulk-job thread for ever.
 */
class IdleTimeoutBodyIT {

  private static final Duration IDLE = Duration.ofMillis(300);
  private static final String PART = "{\"Section\": \"Header\"}\n";

  static ServerSocket server;
  static final ExecutorService serving = Executors.newCachedThreadPool();
  static final CountDownLatch done = new CountDownLatch(1);
  static final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  @BeforeAll
  static void serve() throws IOException {
    server = new ServerSocket(0, 10, InetAddress.getLoopbackAddress());
    serving.execute(() -> {
      while (!server.isClosed()) {
        try {
          Socket socket = server.accept();
          serving.execute(() -> answer(socket));
        } catch (IOException closed) {
          return;
        }
      }
    });
  }

  /** {@code /stall} announces more bytes than it sends and then waits; {@code /whole} sends a complete body. */
  private static void answer(Socket socket) {
    try (socket) {
      BufferedReader request = new BufferedReader(new InputStreamReader(socket.getInputStream(),
          StandardCharsets.US_ASCII));
      String line = request.readLine();
      while (!request.readLine().isEmpty()) {
        // skip the headers
      }
      boolean stall = line.contains("/stall");
      byte[] body = PART.getBytes(StandardCharsets.UTF_8);
      OutputStream out = socket.getOutputStream();
      out.write(("HTTP/1.1 200 OK\r\nContent-Length: " + (stall ? body.length * 10 : body.length) + "\r\n\r\n")
          .getBytes(StandardCharsets.US_ASCII));
      out.write(body);
      out.flush();
      if (stall) {
        done.await(30, TimeUnit.SECONDS);
      }
    } catch (IOException | InterruptedException e) {
      // the test has finished with this connection
    }
  }

  @AfterAll
  static void stop() throws IOException {
    done.countDown();
    server.close();
    serving.shutdownNow();
  }

  private static InputStream get(String path) throws Exception {
    HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.getLocalPort() + path))
        .build();
    return client.send(request, info -> new IdleTimeoutBody(IDLE)).body();
  }

  @Test
  void bodyThatStallsMidwayFailsTheReadAfterTheIdleTimeout() throws Exception {
    try (InputStream body = get("/stall")) {
      byte[] first = body.readNBytes(PART.length());
      assertThat(new String(first, StandardCharsets.UTF_8)).isEqualTo(PART);

      assertThatThrownBy(body::read).isInstanceOf(IOException.class).hasMessageContaining("sent nothing");
    }
  }

  @Test
  void completeBodyIsReadToItsEnd() throws Exception {
    try (InputStream body = get("/whole")) {
      assertThat(new String(body.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo(PART);
      assertThat(body.read()).isEqualTo(-1);
    }
  }
}
