package io.twinsdk.hub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MainSettingsTest {

  private static InputStream output(String text) {
    return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void readsEverySettingAndThePortsOfTheReadyLine() throws Exception {
    Map<String, String> settings = Main.readSettings(output(
        "IOTHUB_CONNECTION_STRING=HostName=localhost:8443;SharedAccessKeyName=iothubowner;SharedAccessKey=a2V5=\n"
            + "TLS_CERTIFICATE=/data/hub-certificate.pem\n"
            + "TWIN_HUB_READY https=8443 mqtt=8883\n"
            + "LATER=ignored\n"));

    assertThat(settings).containsEntry("IOTHUB_CONNECTION_STRING",
            "HostName=localhost:8443;SharedAccessKeyName=iothubowner;SharedAccessKey=a2V5=")
        .containsEntry("TLS_CERTIFICATE", "/data/hub-certificate.pem")
        .containsEntry("https", "8443")
        .containsEntry("mqtt", "8883")
        .doesNotContainKey("LATER");
  }

  @Test
  void outputEndingBeforeTheReadyLineIsAnError() {
    assertThatThrownBy(() -> Main.readSettings(output("IOTHUB_CONNECTION_STRING=x\n")))
        .isInstanceOf(EOFException.class)
        .hasMessageContaining("TWIN_HUB_READY");
  }
}
