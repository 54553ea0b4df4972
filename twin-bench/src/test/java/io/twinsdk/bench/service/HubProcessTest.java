package io.twinsdk.bench.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HubProcessTest {

  @TempDir
  Path dir;

  private static List<String> java(Class<?> main) {
    return List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
        System.getProperty("java.class.path"), main.getName());
  }

  @Test
  void hubThatKeepsPrintingAfterReadyIsNotBlockedOnAFullPipe() throws Exception {
    try (HubProcess hub = HubProcess.start(java(FakeHubs.Chatty.class), dir.resolve("hub.log"), "key",
        Duration.ofSeconds(60))) {

      assertThat(hub.endpoint()).isEqualTo("https://127.0.0.1:1");
      assertThat(hub.process().waitFor(60, TimeUnit.SECONDS)).as("the hub ran to its end").isTrue();
      assertThat(hub.process().exitValue()).isZero();
    }
  }

  @Test
  void hubThatNeverGetsReadyFailsTheStartAndIsDestroyed() throws Exception {
    Set<ProcessHandle> before = ProcessHandle.current().children().collect(Collectors.toSet());

    assertThatThrownBy(() -> HubProcess.start(java(FakeHubs.Silent.class), dir.resolve("hub.log"), "key",
        Duration.ofSeconds(2)))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("not ready within");

    for (ProcessHandle child : ProcessHandle.current().children().toArray(ProcessHandle[]::new)) {
      if (!before.contains(child)) {
        child.onExit().get(30, TimeUnit.SECONDS);
        assertThat(child.isAlive()).isFalse();
      }
    }
  }
}
