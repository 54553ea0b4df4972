package io.twinsdk.samples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs the built {@code twin-samples.jar} in its own JVM, with only the given sample settings in its environment. */
final class SamplesJar {

  /** What a run of the jar gave. */
  record Result(int code, String out, String err) {}

  private SamplesJar() {}

  /** Runs the jar with {@code args}, waiting at most 60 s; the test's own sample settings are not passed on. */
  static Result run(Map<String, String> environment, String... args) throws IOException, InterruptedException {
    Path jar = Path.of("target", "twin-samples.jar");
    assertThat(jar).exists();
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-jar", jar.toString()));
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command);
    Settings.variables().forEach(builder.environment()::remove);
    builder.environment().putAll(environment);
    Path stdout = Files.createTempFile("samples-out", ".txt");
    Path stderr = Files.createTempFile("samples-err", ".txt");
    try {
      Process process = builder.redirectOutput(stdout.toFile()).redirectError(stderr.toFile()).start();
      if (!process.waitFor(60, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new AssertionError("twin-samples.jar " + String.join(" ", args) + " did not finish in 60 s");
      }
      return new Result(process.exitValue(), Files.readString(stdout), Files.readString(stderr));
    } finally {
      Files.deleteIfExists(stdout);
      Files.deleteIfExists(stderr);
    }
  }
}
