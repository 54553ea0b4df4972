package io.twinsdk.core.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ServiceConnectionStringTest {

  private static final String KEY = "+XLy+MVZ+aTeOnVzN2kLeB16O+kSxmz6g3rS6fAf6rw=";
  private static final String KEY_BODY = "XLy+MVZ+aTeOnVzN2kLeB16O+kSxmz6g3rS6fAf6rw";
  private static final String TOKEN = "SharedAccessSignature sr=iot-hub-for-test.azure-devices.net"
      + "&sig=770sPjjYxRYpNz8%2FhEN7XR5XU5KDGYGTinSP8YyeTXw%3D&se=1471940363&skn=iothubowner";
  private static final String SIG = "770sPjjYxRYpNz8";

  @Test
  void sasTokenReproducesTheCliVectorForTheHub() {
    ServiceConnectionString cs = ServiceConnectionString.parse(
        "HostName=iot-hub-for-test.azure-devices.net;SharedAccessKeyName=iothubowner;SharedAccessKey=" + KEY);

    SasToken token = cs.sasToken(Instant.ofEpochSecond(1471940363));

    assertThat(token.value()).isEqualTo(TOKEN);
  }

  @Test
  void parsesNamesInAnyCaseAndFormatsCanonically() {
    ServiceConnectionString cs = ServiceConnectionString.parse(
        "sharedaccesskey=" + KEY + ";HOSTNAME=localhost:8443;sharedAccessKeyName=service;");

    assertThat(cs.hostName()).isEqualTo("localhost");
    assertThat(cs.port()).isEqualTo(OptionalInt.of(8443));
    assertThat(cs.hostAndPort()).isEqualTo("localhost:8443");
    assertThat(cs.sharedAccessKeyName()).contains("service");
    assertThat(cs.sharedAccessKey()).contains(KEY);
    assertThat(cs.toConnectionString())
        .isEqualTo("HostName=localhost:8443;SharedAccessKeyName=service;SharedAccessKey=" + KEY);
    assertThat(ServiceConnectionString.parse(cs.toConnectionString())).isEqualTo(cs).hasSameHashCodeAs(cs);
  }

  @Test
  void tokenIsScopedToTheHostWithoutThePort() {
    ServiceConnectionString cs = ServiceConnectionString.parse(
        "HostName=localhost:8443;SharedAccessKeyName=service;SharedAccessKey=" + KEY);
    Instant expiry = Instant.parse("2030-01-01T00:00:00Z");

    SasToken token = cs.sasToken(expiry);

    assertThat(token.resource()).isEqualTo("localhost");
    assertThatCode(() -> token.verify(KEY, "localhost", expiry)).doesNotThrowAnyException();
  }

  @Test
  void signatureOnlyStringKeepsTheTokenButCannotSignANewOne() {
    ServiceConnectionString cs = ServiceConnectionString.parse("HostName=h;SharedAccessSignature=" + TOKEN);

    assertThat(cs.sharedAccessSignature()).contains(SasToken.parse(TOKEN));
    assertThat(cs.toConnectionString()).isEqualTo("HostName=h;SharedAccessSignature=" + TOKEN);
    assertThatThrownBy(() -> cs.sasToken(Instant.EPOCH))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("no SharedAccessKey");
  }

  @Test
  void toStringMasksTheKeyAndTheSignature() {
    ServiceConnectionString withKey = ServiceConnectionString.builder()
        .hostName("h").sharedAccessKeyName("iothubowner").sharedAccessKey(KEY).build();
    ServiceConnectionString withToken = ServiceConnectionString.builder()
        .hostName("h").sharedAccessSignature(SasToken.parse(TOKEN)).build();

    assertThat(withKey.toString()).isEqualTo("HostName=h;SharedAccessKeyName=iothubowner;SharedAccessKey=****");
    assertThat(withToken.toString()).isEqualTo("HostName=h;SharedAccessSignature=****");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
      "no HostName          | SharedAccessKeyName=p;SharedAccessKey=KEY                 | HostName is missing",
      "key without name     | HostName=h;SharedAccessKey=KEY                            | SharedAccessKeyName is missing",
      "empty key name       | HostName=h;SharedAccessKeyName=;SharedAccessKey=KEY       | SharedAccessKeyName is empty",
      "name only            | HostName=h;SharedAccessKeyName=p                          | SharedAccessKey is missing",
      "key and signature    | HostName=h;SharedAccessKeyName=p;SharedAccessKey=KEY;SharedAccessSignature=TOKEN"
          + "                                                                         | cannot both be given",
      "key not base64       | HostName=h;SharedAccessKeyName=p;SharedAccessKey=KEY#     | SharedAccessKey is not valid base64",
      "HostName twice       | HostName=h;hostname=h;SharedAccessSignature=TOKEN         | HostName appears twice",
      "device part          | HostName=h;DeviceId=d;SharedAccessKeyName=p;SharedAccessKey=KEY"
          + "                                                                         | DeviceId does not belong in a service",
      "unknown part         | HostName=h;SharedAccessSignature=TOKEN;Endpoint=sb://x    | part 3 has an unknown name",
      "bad signature        | HostName=h;SharedAccessSignature=SharedAccessSignature sig=SIG&se=1"
          + "                                                                         | sr is missing",
  })
  void invalidStringsNameThePartAndNeverEchoSecrets(String name, String template, String expected) {
    String text = template.replace("KEY", KEY).replace("TOKEN", TOKEN).replace("SIG", SIG);

    assertThatThrownBy(() -> ServiceConnectionString.parse(text))
        .isInstanceOf(ConnectionStringException.class)
        .hasMessageStartingWith("Invalid service connection string: ")
        .hasMessageContaining(expected)
        .message().doesNotContain(KEY_BODY).doesNotContain(SIG);
  }
}
