package io.twinsdk.samples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsTest {

  private static final String KEY = "AAECAwQFBgcICQoLDA0ODw==";
  private static final String DEVICE = "HostName=myhub.azure-devices.net;DeviceId=dev1;SharedAccessKey=" + KEY;
  private static final String SERVICE =
      "HostName=myhub.azure-devices.net;SharedAccessKeyName=iothubowner;SharedAccessKey=" + KEY;

  @Test
  void noVariableMeansTheEmbeddedHub() {
    Settings settings = Settings.fromEnvironment(Map.of("PATH", "/usr/bin"));

    assertThat(settings.embedded()).isTrue();
    assertThat(settings.device()).isEmpty();
    assertThat(settings.service()).isEmpty();
    assertThat(settings.digitalTwins()).isEmpty();
  }

  @Test
  void emptyValuesCountAsUnset() {
    Settings settings = Settings.fromEnvironment(Map.of(Settings.DEVICE_CONNECTION_STRING, "  ",
        Settings.DIGITAL_TWINS_ENDPOINT, ""));

    assertThat(settings.embedded()).isTrue();
  }

  @Test
  void connectionStringsAreParsed() {
    Settings settings = Settings.fromEnvironment(Map.of(Settings.DEVICE_CONNECTION_STRING, DEVICE,
        Settings.IOTHUB_CONNECTION_STRING, SERVICE));

    assertThat(settings.embedded()).isFalse();
    assertThat(settings.device()).get().satisfies(d -> assertThat(d.deviceId()).isEqualTo("dev1"));
    assertThat(settings.service()).get()
        .satisfies(s -> assertThat(s.sharedAccessKeyName()).contains("iothubowner"));
  }

  @Test
  void malformedDeviceConnectionStringNamesTheVariableAndItsForm() {
    assertThatThrownBy(() -> Settings.fromEnvironment(Map.of(Settings.DEVICE_CONNECTION_STRING,
        "HostName=myhub.azure-devices.net;SharedAccessKey=" + KEY)))
        .isInstanceOf(SettingsException.class)
        .hasMessageStartingWith("IOTHUB_DEVICE_CONNECTION_STRING is malformed (")
        .hasMessageContaining("DeviceId")
        .hasMessageEndingWith("expected " + Settings.DEVICE_FORM)
        .hasMessageNotContaining(KEY);
  }

  @Test
  void malformedServiceConnectionStringNamesTheVariableAndItsForm() {
    assertThatThrownBy(() -> Settings.fromEnvironment(Map.of(Settings.IOTHUB_CONNECTION_STRING, "nonsense")))
        .isInstanceOf(SettingsException.class)
        .hasMessageStartingWith("IOTHUB_CONNECTION_STRING is malformed (")
        .hasMessageEndingWith("expected " + Settings.SERVICE_FORM);
  }

  @Test
  void digitalTwinsNeedsEveryCredential() {
    assertThatThrownBy(() -> Settings.fromEnvironment(Map.of(
        Settings.DIGITAL_TWINS_ENDPOINT, "https://adt.api.weu.digitaltwins.azure.net",
        Settings.TENANT_ID, "tenant", Settings.CLIENT_ID, "client")))
        .isInstanceOf(SettingsException.class)
        .hasMessage("AZURE_CLIENT_SECRET is not set but DIGITAL_TWINS_ENDPOINT is; expected the application's"
            + " client secret");
  }

  @Test
  void credentialsWithoutEndpointAreReported() {
    assertThatThrownBy(() -> Settings.fromEnvironment(Map.of(Settings.TENANT_ID, "tenant")))
        .isInstanceOf(SettingsException.class)
        .hasMessage("AZURE_TENANT_ID is set but DIGITAL_TWINS_ENDPOINT is not; expected DIGITAL_TWINS_ENDPOINT="
            + Settings.ENDPOINT_FORM);
  }

  @Test
  void endpointMustBeAnHttpsUrlWithoutPath() {
    Map<String, String> credentials = Map.of(Settings.TENANT_ID, "t", Settings.CLIENT_ID, "c",
        Settings.CLIENT_SECRET, "s");
    for (String endpoint : new String[] {"http://adt.example", "adt.example", "https://adt.example/twins", "::"}) {
      Map<String, String> environment = new java.util.HashMap<>(credentials);
      environment.put(Settings.DIGITAL_TWINS_ENDPOINT, endpoint);

      assertThatThrownBy(() -> Settings.fromEnvironment(environment))
          .as(endpoint)
          .isInstanceOf(SettingsException.class)
          .hasMessageStartingWith("DIGITAL_TWINS_ENDPOINT is malformed (")
          .hasMessageEndingWith("expected " + Settings.ENDPOINT_FORM);
    }
  }

  @Test
  void digitalTwinsSettingsDefaultToMicrosoftEntraAndMaskTheSecret() {
    Settings settings = Settings.fromEnvironment(Map.of(
        Settings.DIGITAL_TWINS_ENDPOINT, "https://adt.api.weu.digitaltwins.azure.net/",
        Settings.TENANT_ID, "tenant", Settings.CLIENT_ID, "client", Settings.CLIENT_SECRET, "s3cret"));

    Settings.DigitalTwinsSettings digitalTwins = settings.digitalTwins().orElseThrow();
    assertThat(digitalTwins.endpoint()).isEqualTo(URI.create("https://adt.api.weu.digitaltwins.azure.net"));
    assertThat(digitalTwins.authorityHost()).isEqualTo(URI.create("https://login.microsoftonline.com"));
    assertThat(digitalTwins.clientSecret()).isEqualTo("s3cret");
    assertThat(digitalTwins.toString()).doesNotContain("s3cret");
  }

  @Test
  void authorityHostCanPointAtAnotherTokenIssuer() {
    Settings settings = Settings.fromEnvironment(Map.of(
        Settings.DIGITAL_TWINS_ENDPOINT, "https://localhost:8443", Settings.AUTHORITY_HOST, "https://localhost:8443",
        Settings.TENANT_ID, "tenant", Settings.CLIENT_ID, "iothubowner", Settings.CLIENT_SECRET, "key"));

    assertThat(settings.digitalTwins().orElseThrow().authorityHost()).isEqualTo(URI.create("https://localhost:8443"));
  }

  @Test
  void caCertificateMustBeAReadableFile(@TempDir Path directory) throws Exception {
    Path pem = Files.writeString(directory.resolve("ca.pem"), "-----BEGIN CERTIFICATE-----\n");

    Settings settings = Settings.fromEnvironment(Map.of(Settings.DEVICE_CONNECTION_STRING, DEVICE,
        Settings.CA_CERT, pem.toString()));
    assertThat(settings.caCertificate()).contains(pem);

    assertThatThrownBy(() -> Settings.fromEnvironment(Map.of(Settings.DEVICE_CONNECTION_STRING, DEVICE,
        Settings.CA_CERT, directory.resolve("missing.pem").toString())))
        .isInstanceOf(SettingsException.class)
        .hasMessageStartingWith("TWIN_HUB_CA_CERT is malformed (no readable file at ")
        .hasMessageEndingWith("expected the path of a PEM certificate file");
  }

  @Test
  void caCertificateAloneIsReported(@TempDir Path directory) throws Exception {
    Path pem = Files.writeString(directory.resolve("ca.pem"), "-----BEGIN CERTIFICATE-----\n");

    assertThatThrownBy(() -> Settings.fromEnvironment(Map.of(Settings.CA_CERT, pem.toString())))
        .isInstanceOf(SettingsException.class)
        .hasMessageStartingWith("TWIN_HUB_CA_CERT is set but no hub is");
  }

  @Test
  void importBlobsComeInPairsOfHttpsUrls() {
    String input = "https://account.blob.core.windows.net/imports/twins.ndjson?sv=2024&sig=abc";
    String output = "https://account.blob.core.windows.net/imports/log.ndjson?sv=2024&sig=abc";

    Settings settings = Settings.fromEnvironment(Map.of(Settings.IMPORT_INPUT, input, Settings.IMPORT_OUTPUT, output));
    assertThat(settings.importBlobs()).contains(new Settings.ImportBlobs(URI.create(input), URI.create(output)));

    assertThatThrownBy(() -> Settings.fromEnvironment(Map.of(Settings.IMPORT_INPUT, input)))
        .isInstanceOf(SettingsException.class)
        .hasMessageStartingWith("BULK_IMPORT_INPUT_BLOB_URI and BULK_IMPORT_OUTPUT_BLOB_URI must both be set");
    assertThatThrownBy(() -> Settings.fromEnvironment(Map.of(Settings.IMPORT_INPUT, "file:/tmp/twins.ndjson",
        Settings.IMPORT_OUTPUT, output)))
        .isInstanceOf(SettingsException.class)
        .hasMessage("BULK_IMPORT_INPUT_BLOB_URI is malformed (not an https URL of a blob); expected "
            + Settings.BLOB_FORM);
  }
}
