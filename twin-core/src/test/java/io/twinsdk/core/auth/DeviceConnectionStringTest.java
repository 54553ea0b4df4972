package io.twinsdk.core.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DeviceConnectionStringTest {

  private static final String KEY = "+XLy+MVZ+aTeOnVzN2kLeB16O+kSxmz6g3rS6fAf6rw=";
  private static final String KEY_BODY = "XLy+MVZ+aTeOnVzN2kLeB16O+kSxmz6g3rS6fAf6rw";
  private static final String TOKEN = "SharedAccessSignature sr=h%2Fdevices%2Fd"
      + "&sig=SIumZ1ACqqPJZ2okHDlW9MSYKykEpqsQY3z6FMOICd4%3D&se=1471940363";
  private static final String SIG = "SIumZ1ACqqPJZ2okHDlW9MSYKykEpqsQY3z6FMOICd4";
  private static final Instant EXPIRY = Instant.parse("2030-01-01T00:00:00Z");

  @Test
  void parsesEveryPartWithNamesInAnyCase() {
    DeviceConnectionString cs = DeviceConnectionString.parse("hostname=myhub.azure-devices.net;DEVICEID=dev1;"
        + "moduleId=mod1;sharedaccesskeyname=device;SharedAccessKey=" + KEY + ";GatewayHostName=edge.local:8883");

    assertThat(cs.hostName()).isEqualTo("myhub.azure-devices.net");
    assertThat(cs.port()).isEmpty();
    assertThat(cs.deviceId()).isEqualTo("dev1");
    assertThat(cs.moduleId()).contains("mod1");
    assertThat(cs.sharedAccessKeyName()).contains("device");
    assertThat(cs.sharedAccessKey()).contains(KEY);
    assertThat(cs.sharedAccessSignature()).isEmpty();
    assertThat(cs.gatewayHostName()).contains("edge.local:8883");
    assertThat(cs.isX509()).isFalse();
  }

  @Test
  void formatsInCanonicalOrderAndRoundTrips() {
    DeviceConnectionString cs = DeviceConnectionString.parse(
        "sharedaccesskey=" + KEY + ";deviceid=dev1;;HOSTNAME=localhost:8443;");

    String formatted = cs.toConnectionString();

    assertThat(formatted).isEqualTo("HostName=localhost:8443;DeviceId=dev1;SharedAccessKey=" + KEY);
    assertThat(DeviceConnectionString.parse(formatted)).isEqualTo(cs).hasSameHashCodeAs(cs);
  }

  @Test
  void signatureAndX509FormsRoundTrip() {
    String withToken = "HostName=h;DeviceId=d;SharedAccessSignature=" + TOKEN;
    String withCertificate = "HostName=h;DeviceId=d;ModuleId=m;x509=true";

    DeviceConnectionString token = DeviceConnectionString.parse(withToken);
    DeviceConnectionString certificate = DeviceConnectionString.parse(withCertificate);

    assertThat(token.sharedAccessSignature()).contains(SasToken.parse(TOKEN));
    assertThat(token.toConnectionString()).isEqualTo(withToken);
    assertThat(certificate.isX509()).isTrue();
    assertThat(certificate.toConnectionString()).isEqualTo(withCertificate);
  }

  @Test
  void hostNameMayCarryAPortAndNeedsNoDot() {
    DeviceConnectionString cs = DeviceConnectionString.parse("HostName=localhost:8443;DeviceId=d;x509=true");

    assertThat(cs.hostName()).isEqualTo("localhost");
    assertThat(cs.port()).isEqualTo(OptionalInt.of(8443));
    assertThat(cs.hostAndPort()).isEqualTo("localhost:8443");
    assertThat(cs.scope()).isEqualTo("localhost/devices/d");
  }

  @Test
  void bracketedIpv6HostKeepsItsBrackets() {
    DeviceConnectionString cs = DeviceConnectionString.parse("HostName=[::1]:8443;DeviceId=d;x509=true");

    assertThat(cs.hostName()).isEqualTo("[::1]");
    assertThat(cs.port()).isEqualTo(OptionalInt.of(8443));
  }

  @Test
  void toStringMasksTheKeyAndTheSignature() {
    DeviceConnectionString withKey = DeviceConnectionString.parse("HostName=h;DeviceId=d;SharedAccessKey=" + KEY);
    DeviceConnectionString withToken = DeviceConnectionString.parse("HostName=h;DeviceId=d;SharedAccessSignature="
        + TOKEN);

    assertThat(withKey.toString()).isEqualTo("HostName=h;DeviceId=d;SharedAccessKey=****");
    assertThat(withToken.toString()).isEqualTo("HostName=h;DeviceId=d;SharedAccessSignature=****");
  }

  @Test
  void sasTokenReproducesTheCliVectorForItsDevice() {
    DeviceConnectionString cs = DeviceConnectionString.parse("HostName=iot-hub-for-test.azure-devices.net;"
        + "DeviceId=iot-device-for-test;SharedAccessKey=" + KEY);

    SasToken token = cs.sasToken(Instant.ofEpochSecond(1471940363));

    assertThat(token.value()).isEqualTo("SharedAccessSignature sr=iot-hub-for-test.azure-devices.net%2Fdevices%2F"
        + "iot-device-for-test&sig=SIumZ1ACqqPJZ2okHDlW9MSYKykEpqsQY3z6FMOICd4%3D&se=1471940363");
  }

  @Test
  void moduleTokenIsScopedToTheModuleWithoutThePort() {
    DeviceConnectionString cs = DeviceConnectionString.parse(
        "HostName=localhost:8443;DeviceId=d;ModuleId=m;SharedAccessKey=" + KEY);

    SasToken token = cs.sasToken(EXPIRY);

    assertThat(cs.scope()).isEqualTo("localhost/devices/d/modules/m");
    assertThat(token.resource()).isEqualTo("localhost%2Fdevices%2Fd%2Fmodules%2Fm");
    assertThat(token.keyName()).isEmpty();
    assertThatCode(() -> token.verify(KEY, cs.scope(), EXPIRY)).doesNotThrowAnyException();
  }

  @Test
  void policyKeyTokenNamesThePolicy() {
    DeviceConnectionString cs = DeviceConnectionString.parse(
        "HostName=h;DeviceId=d;SharedAccessKeyName=device;SharedAccessKey=" + KEY);

    assertThat(cs.sasToken(EXPIRY).keyName()).contains("device");
  }

  @Test
  void sasTokenNeedsAKey() {
    DeviceConnectionString cs = DeviceConnectionString.parse("HostName=h;DeviceId=d;SharedAccessSignature=" + TOKEN);

    assertThatThrownBy(() -> cs.sasToken(EXPIRY))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("no SharedAccessKey")
        .hasMessageContaining("sharedAccessSignature()");
  }

  @Test
  void builderMakesWhatParseReads() {
    DeviceConnectionString built = DeviceConnectionString.builder()
        .hostName("h.example")
        .deviceId("d")
        .sharedAccessKey(KEY)
        .gatewayHostName("gw")
        .build();

    assertThat(built).isEqualTo(DeviceConnectionString.parse(built.toConnectionString()));
    assertThat(built.toConnectionString())
        .isEqualTo("HostName=h.example;DeviceId=d;SharedAccessKey=" + KEY + ";GatewayHostName=gw");
  }

  @Test
  void builderAppliesTheSameRules() {
    assertThatThrownBy(() -> DeviceConnectionString.builder().hostName("h").sharedAccessKey(KEY).build())
        .isInstanceOf(ConnectionStringException.class)
        .hasMessage("Invalid device connection string: DeviceId is missing");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
      "no HostName         | DeviceId=d;SharedAccessKey=KEY                        | HostName is missing",
      "empty HostName      | HostName=;DeviceId=d;SharedAccessKey=KEY              | HostName is empty",
      "bad port            | HostName=h:99999;DeviceId=d;SharedAccessKey=KEY       | HostName has an invalid port",
      "empty port          | HostName=h:;DeviceId=d;SharedAccessKey=KEY            | HostName has an invalid port",
      "unbracketed IPv6    | HostName=::1;DeviceId=d;SharedAccessKey=KEY           | HostName must put an IPv6 address",
      "slash in HostName   | HostName=h/x;DeviceId=d;SharedAccessKey=KEY           | HostName contains '/'",
      "no DeviceId         | HostName=h;SharedAccessKey=KEY                        | DeviceId is missing",
      "DeviceId twice      | HostName=h;DeviceId=d;deviceid=e;SharedAccessKey=KEY  | DeviceId appears twice",
      "empty DeviceId      | HostName=h;DeviceId=;SharedAccessKey=KEY              | DeviceId is empty",
      "slash in DeviceId   | HostName=h;DeviceId=a/modules/m;SharedAccessKey=KEY   | DeviceId contains '/'",
      "empty ModuleId      | HostName=h;DeviceId=d;ModuleId=;SharedAccessKey=KEY   | ModuleId is empty",
      "bad gateway port    | HostName=h;DeviceId=d;GatewayHostName=g:x;x509=true   | GatewayHostName has an invalid port",
      "key twice           | HostName=h;DeviceId=d;SharedAccessKey=KEY;SharedAccessKey=KEY | SharedAccessKey appears twice",
      "no credential       | HostName=h;DeviceId=d                                 | SharedAccessKey is missing",
      "key and signature   | HostName=h;DeviceId=d;SharedAccessKey=KEY;SharedAccessSignature=TOKEN"
          + "                                                                     | cannot both be given",
      "key and x509        | HostName=h;DeviceId=d;SharedAccessKey=KEY;x509=true   | SharedAccessKey and x509=true",
      "signature and x509  | HostName=h;DeviceId=d;SharedAccessSignature=TOKEN;x509=true | SharedAccessSignature and x509",
      "key name with x509  | HostName=h;DeviceId=d;SharedAccessKeyName=p;x509=true | SharedAccessKeyName cannot be used",
      "x509 not boolean    | HostName=h;DeviceId=d;x509=yes                        | x509 must be true or false",
      "key not base64      | HostName=h;DeviceId=d;SharedAccessKey=KEY!            | SharedAccessKey is not valid base64",
      "empty key           | HostName=h;DeviceId=d;SharedAccessKey=                | SharedAccessKey is empty",
      "bad signature       | HostName=h;DeviceId=d;SharedAccessSignature=SharedAccessSignature sr=h&sig=SIG"
          + "                                                                     | se is missing",
      "empty signature     | HostName=h;DeviceId=d;SharedAccessSignature=          | SharedAccessSignature is empty",
      "unknown part        | HostName=h;DeviceId=d;SharedAccessKey=KEY;Foo=bar     | part 4 has an unknown name",
      "key without a name  | HostName=h;DeviceId=d;KEY                             | part 3 has an unknown name",
      "part without =      | HostName=h;DeviceId=d;x509                            | part 3 is not Name=value",
  })
  void invalidStringsNameThePartAndNeverEchoSecrets(String name, String template, String expected) {
    String text = template.replace("KEY", KEY).replace("TOKEN", TOKEN).replace("SIG", SIG);

    assertThatThrownBy(() -> DeviceConnectionString.parse(text))
        .isInstanceOf(ConnectionStringException.class)
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("Invalid device connection string: ")
        .hasMessageContaining(expected)
        .message().doesNotContain(KEY_BODY).doesNotContain(SIG);
  }
}
