package io.twinsdk.samples;

import io.twinsdk.hub.HubOptions;
import io.twinsdk.hub.TwinHub;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

/**
 * A {@link TwinHub} started in-process on free ports with its data in a temporary directory, which {@link #close()}
 * deletes: the samples' default when no connection setting is given.
 */
final class EmbeddedHub implements AutoCloseable {

  private final Path directory;
  private final TwinHub hub;
  // Ctrl-C ends the JVM without close(): this hook still stops the hub and deletes its data.
  private final Thread onExit;
  private final AtomicBoolean closed = new AtomicBoolean();

  private EmbeddedHub(Path directory, TwinHub hub) {
    this.directory = directory;
    this.hub = hub;
    this.onExit = new Thread(this::stop, "twin-samples-hub-cleanup");
    Runtime.getRuntime().addShutdownHook(onExit);
  }

  /** Starts a hub in a new temporary directory and waits until it listens. */
  static EmbeddedHub start() {
    Path directory;
    try {
      directory = Files.createTempDirectory("twin-samples-");
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot create a temporary directory for the embedded hub", e);
    }
    try {
      HubOptions options = HubOptions.builder().freePorts().dataDirectory(directory).build();
      return new EmbeddedHub(directory, TwinHub.start(options));
    } catch (RuntimeException e) {
      deleteRecursively(directory);
      throw e;
    }
  }

  /** The running hub. */
  TwinHub hub() {
    return hub;
  }

  /** Stops the hub and deletes its data. */
  @Override
  public void close() {
    stop();
    try {
      Runtime.getRuntime().removeShutdownHook(onExit);
    } catch (IllegalStateException e) {
      // The JVM is already shutting down and runs the hook, which finds the hub stopped.
    }
  }

  private void stop() {
    if (closed.compareAndSet(false, true)) {
      hub.close();
      deleteRecursively(directory);
    }
  }

  private static void deleteRecursively(Path directory) {
    try (Stream<Path> paths = Files.walk(directory)) {
      for (Path path : (Iterable<Path>) paths.sorted(Comparator.reverseOrder())::iterator) {
        Files.deleteIfExists(path);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot delete the embedded hub's data in " + directory, e);
    }
  }
}
