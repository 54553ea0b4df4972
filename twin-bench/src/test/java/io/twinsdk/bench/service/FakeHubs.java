package io.twinsdk.bench.service;

import java.io.PrintStream;

/** Child processes that stand in for the hub in {@link HubProcessTest}. */
final class FakeHubs {

  private FakeHubs() {}

  /** Gets ready, then prints far more than a pipe holds before it exits. */
  static final class Chatty {
    public static void main(String[] args) {
      PrintStream out = System.out;
      out.println("DIGITAL_TWINS_ENDPOINT=https://127.0.0.1:1");
      out.println("TWIN_HUB_READY");
      String line = "x".repeat(1023);
      for (int i = 0; i < 1024; i++) {
        out.println(line);
      }
      out.flush();
    }
  }

  /** Never gets ready. */
  static final class Silent {
    public static void main(String[] args) throws InterruptedException {
      Thread.sleep(600_000);
    }
  }
}
