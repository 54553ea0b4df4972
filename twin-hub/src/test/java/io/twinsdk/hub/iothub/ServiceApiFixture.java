package io.twinsdk.hub.iothub;

import io.twinsdk.hub.HubFixture;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/** Base of the IoT Hub ITs: one hub per test class in a fresh data directory, with service calls signed as owner. */
abstract class ServiceApiFixture {

  @TempDir
  static Path data;
  static HubFixture fixture;
  static ServiceCalls service;

  @BeforeAll
  static void startHub() {
    fixture = HubFixture.start(data);
    service = new ServiceCalls(fixture);
  }

  @AfterAll
  static void stopHub() {
    fixture.close();
  }
}
