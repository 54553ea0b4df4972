package io.twinsdk.hub.iothub;

import static org.assertj.core.api.Assertions.assertThat;

import io.twinsdk.core.auth.DeviceConnectionString;
import io.twinsdk.core.auth.ServiceConnectionString;
import io.twinsdk.hub.HubOptions;
import io.twinsdk.hub.TwinHub;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's embedded-hub example, compiled and run. */
class EmbeddedHubExampleIT {

  @TempDir
  Path directory;

  @Test
  void readmeExampleGivesConnectionStringsAndTheCertificate() {
    String device;
    String service;
    Path certificate;
    // [START embedded-hub]
    try (TwinHub hub = TwinHub.start(HubOptions.builder().freePorts().dataDirectory(directory).build())) {
      device = hub.registerDevice("thermostat-1"); // HostName=localhost:<mqtt port>;DeviceId=…;SharedAccessKey=…
      service = hub.iotHubConnectionString();     // HostName=localhost:<https port>;SharedAccessKeyName=iothubowner;…
      certificate = hub.certificatePath();        // the PEM clients trust
    }
    // [END embedded-hub]

    assertThat(DeviceConnectionString.parse(device).deviceId()).isEqualTo("thermostat-1");
    assertThat(ServiceConnectionString.parse(service).sharedAccessKeyName()).hasValue("iothubowner");
    assertThat(Files.exists(certificate)).isTrue();
  }
}
