package io.twinsdk.hub.digitaltwins;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shared setup of the Digital Twins integration tests that work on twins: one hub per test class, started before
 * its first test with the {@link TestModels} batch uploaded under the number {@link #n}, and closed after its last.
 */
abstract class TestModelsHub {

  @TempDir
  static Path data;
  static AdtHttp adt;
  static int n;

  @BeforeAll
  static void startHubWithTestModels() {
    adt = AdtHttp.start(data);
    n = adt.uploadTestModels();
  }

  @AfterAll
  static void stopHub() {
    adt.close();
  }
}
