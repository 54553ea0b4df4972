package io.twinsdk.core.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.twinsdk.core.auth.SasTokenException.Reason;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SasTokenTest {

  private static final String KEY = "+XLy+MVZ+aTeOnVzN2kLeB16O+kSxmz6g3rS6fAf6rw=";
  private static final String OTHER_KEY =
      Base64.getEncoder().encodeToString("secondary".getBytes(StandardCharsets.UTF_8));
  private static final String HOST = "myhub.azure-devices.net";
  private static final Instant EXPIRY = Instant.parse("2030-01-01T00:00:00Z");
  private static final Instant BEFORE = EXPIRY.minusSeconds(60);

  /** Vector A of vectors/sas-tokens.json, in the canonical field order. */
  private static final String VECTOR_A = "SharedAccessSignature sr=iot-hub-for-test.azure-devices.net%2Fdevices%2F"
      + "iot-device-for-test&sig=SIumZ1ACqqPJZ2okHDlW9MSYKykEpqsQY3z6FMOICd4%3D&se=1471940363";
  private static final String VECTOR_A_SIG = "SIumZ1ACqqPJZ2okHDlW9MSYKykEpqsQY3z6FMOICd4";

  @Test
  void fieldsInAnyOrderParseToTheSameToken() {
    // given the Java SDK's field order, sig first
    String javaOrder = "SharedAccessSignature sig=SIumZ1ACqqPJZ2okHDlW9MSYKykEpqsQY3z6FMOICd4%3D&se=1471940363"
        + "&sr=iot-hub-for-test.azure-devices.net%2Fdevices%2Fiot-device-for-test";

    // when
    SasToken token = SasToken.parse(javaOrder);

    // then
    assertThat(token).isEqualTo(SasToken.parse(VECTOR_A));
    assertThat(token.value()).isEqualTo(VECTOR_A);
  }

  @Test
  void unknownWellFormedFieldsAreIgnored() {
    SasToken token = SasToken.parse(VECTOR_A + "&foo=bar");

    assertThat(token).isEqualTo(SasToken.parse(VECTOR_A));
  }

  @Test
  void rawAndUrlEncodedResourcesBothVerifyForTheSameScope() {
    // given the same device signed as Java/C (raw) and as Node/azure-sdk-for-c (encoded) send it
    String scope = SasToken.deviceScope(HOST, "dev1");
    SasToken raw = SasToken.parse(SasToken.sign(HOST + "/devices/dev1", KEY, EXPIRY, null).value());
    SasToken encoded = SasToken.parse(SasToken.sign(HOST + "%2Fdevices%2Fdev1", KEY, EXPIRY, null).value());

    // then both verify, although they sign different bytes
    assertThat(raw.signature()).isNotEqualTo(encoded.signature());
    assertThat(raw.scope()).isEqualTo(encoded.scope()).isEqualTo(scope);
    assertThatCode(() -> raw.verify(KEY, scope, BEFORE)).doesNotThrowAnyException();
    assertThatCode(() -> encoded.verify(KEY, scope, BEFORE)).doesNotThrowAnyException();
  }

  @Test
  void forDeviceAndForModuleUrlEncodeTheResource() {
    SasToken device = SasToken.forDevice(HOST, "dev1", KEY, EXPIRY);
    SasToken module = SasToken.forModule(HOST, "dev1", "mod1", KEY, EXPIRY);

    assertThat(device.resource()).isEqualTo("myhub.azure-devices.net%2Fdevices%2Fdev1");
    assertThat(device.keyName()).isEmpty();
    assertThat(module.resource()).isEqualTo("myhub.azure-devices.net%2Fdevices%2Fdev1%2Fmodules%2Fmod1");
    assertThat(module.scope()).isEqualTo(SasToken.moduleScope(HOST, "dev1", "mod1"));
  }

  @Test
  void forServiceIsScopedToTheHostAndNamesThePolicy() {
    SasToken token = SasToken.forService(HOST, "iothubowner", KEY, EXPIRY);

    assertThat(token.resource()).isEqualTo(HOST);
    assertThat(token.keyName()).contains("iothubowner");
    assertThat(token.value()).endsWith("&se=" + EXPIRY.getEpochSecond() + "&skn=iothubowner");
  }

  @Test
  void deviceTokenDoesNotCoverADeviceWhoseIdMerelyStartsTheSame() {
    SasToken tokenForA = SasToken.forDevice(HOST, "a", KEY, EXPIRY);

    assertThatThrownBy(() -> tokenForA.verify(KEY, SasToken.deviceScope(HOST, "ab"), BEFORE))
        .isInstanceOfSatisfying(SasTokenException.class, e -> assertThat(e.reason()).isEqualTo(Reason.WRONG_SCOPE))
        .hasMessageContaining("myhub.azure-devices.net/devices/a'")
        .hasMessageContaining("myhub.azure-devices.net/devices/ab'");
  }

  @Test
  void deviceTokenCoversItsModulesButAModuleTokenDoesNotCoverItsDevice() {
    SasToken device = SasToken.forDevice(HOST, "a", KEY, EXPIRY);
    SasToken module = SasToken.forModule(HOST, "a", "m", KEY, EXPIRY);

    assertThatCode(() -> device.verify(KEY, SasToken.moduleScope(HOST, "a", "m"), BEFORE))
        .doesNotThrowAnyException();
    assertThatCode(() -> module.verify(KEY, SasToken.moduleScope(HOST, "a", "m"), BEFORE))
        .doesNotThrowAnyException();
    assertWrongScope(module, SasToken.deviceScope(HOST, "a"));
    assertWrongScope(module, SasToken.moduleScope(HOST, "a", "mm"));
  }

  @Test
  void hostIsComparedWithoutCaseButDeviceIdsWithCase() {
    // given a token whose host is upper-cased, as some tools write it
    SasToken token = SasToken.forDevice("MyHub.Azure-Devices.NET", "Dev1", KEY, EXPIRY);

    // then the host matches in any case, the device id only exactly
    assertThatCode(() -> token.verify(KEY, SasToken.deviceScope(HOST, "Dev1"), BEFORE)).doesNotThrowAnyException();
    assertWrongScope(token, SasToken.deviceScope(HOST, "dev1"));
  }

  @Test
  void portIsIgnoredWhenComparingHosts() {
    SasToken withPort = SasToken.forDevice("localhost:8443", "dev1", KEY, EXPIRY);

    assertThat(withPort.resource()).isEqualTo("localhost%3A8443%2Fdevices%2Fdev1");
    assertThatCode(() -> withPort.verify(KEY, "localhost/devices/dev1", BEFORE)).doesNotThrowAnyException();
  }

  @Test
  void serviceTokenCoversEveryDeviceOnItsHubButNoOtherHub() {
    SasToken service = SasToken.forService(HOST, "iothubowner", KEY, EXPIRY);

    assertThatCode(() -> service.verify(KEY, SasToken.moduleScope(HOST, "any", "m"), BEFORE))
        .doesNotThrowAnyException();
    assertWrongScope(service, SasToken.deviceScope("otherhub.azure-devices.net", "any"));
    assertWrongScope(service, SasToken.deviceScope(HOST + ".evil.example", "any"));
  }

  @Test
  void hostSegmentMustMatchWhole() {
    SasToken gateway = SasToken.sign(SasToken.encodeResource(HOST + "/devices"), KEY, EXPIRY, "gateway");

    assertThatCode(() -> gateway.verify(KEY, SasToken.deviceScope(HOST, "d"), BEFORE)).doesNotThrowAnyException();
    assertWrongScope(gateway, HOST + "/devicesX/d");
    assertWrongScope(gateway, HOST);
  }

  @Test
  void tokenIsValidUntilAndIncludingItsExpirySecond() {
    SasToken token = SasToken.forDevice(HOST, "d", KEY, EXPIRY);
    String scope = SasToken.deviceScope(HOST, "d");

    assertThatCode(() -> token.verify(KEY, scope, EXPIRY)).doesNotThrowAnyException();
    assertThatThrownBy(() -> token.verify(KEY, scope, EXPIRY.plusNanos(1)))
        .isInstanceOfSatisfying(SasTokenException.class, e -> assertThat(e.reason()).isEqualTo(Reason.EXPIRED))
        .hasMessageContaining("2030-01-01T00:00:00Z");
  }

  @Test
  void signatureIsCheckedBeforeExpiryAndScope() {
    SasToken expiredForOtherDevice = SasToken.forDevice(HOST, "other", KEY, EXPIRY);

    assertThatThrownBy(() -> expiredForOtherDevice.verify(OTHER_KEY, SasToken.deviceScope(HOST, "d"),
        EXPIRY.plusSeconds(1)))
        .isInstanceOfSatisfying(SasTokenException.class,
            e -> assertThat(e.reason()).isEqualTo(Reason.INVALID_SIGNATURE));
  }

  @Test
  void isSignedWithTellsWhichOfSeveralKeysSigned() {
    SasToken token = SasToken.forDevice(HOST, "d", OTHER_KEY, EXPIRY);

    assertThat(token.isSignedWith(KEY)).isFalse();
    assertThat(token.isSignedWith(OTHER_KEY)).isTrue();
  }

  @Test
  void signingDropsFractionsOfASecond() {
    SasToken token = SasToken.forDevice(HOST, "d", KEY, EXPIRY.plusMillis(999));

    assertThat(token.expiry()).isEqualTo(EXPIRY);
    assertThat(token.value()).contains("&se=" + EXPIRY.getEpochSecond());
  }

  @Test
  void valueParsesBackToAnEqualToken() {
    SasToken token = SasToken.sign("h%2Fdevices%2Fd", KEY, EXPIRY, "my policy");

    SasToken reparsed = SasToken.parse(token.toString());

    assertThat(token.value()).endsWith("&skn=my%20policy");
    assertThat(reparsed).isEqualTo(token);
    assertThat(reparsed.keyName()).contains("my policy");
  }

  @Test
  void encodeResourceEncodesEverythingButUnreservedCharacters() {
    assertThat(SasToken.encodeResource("h.example:1/devices/a b*!'()~_-é"))
        .isEqualTo("h.example%3A1%2Fdevices%2Fa%20b%2A%21%27%28%29~_-%C3%A9");
  }

  @Test
  void scopeDecodesPercentEscapesButLeavesPlusAlone() {
    SasToken token = SasToken.sign("h%2Fdevices%2Fa%2Bb+c%C3%A9", KEY, EXPIRY, null);

    assertThat(token.scope()).isEqualTo("h/devices/a+b+cé");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
      "no prefix           | sr=h&sig=SIG&se=1                              | does not start with",
      "lower-case prefix   | sharedaccesssignature sr=h&sig=SIG&se=1        | does not start with",
      "missing se          | SharedAccessSignature sr=h&sig=SIG             | se is missing",
      "missing sr          | SharedAccessSignature sig=SIG&se=1             | sr is missing",
      "missing sig         | SharedAccessSignature sr=h&se=1                | sig is missing",
      "non-numeric se      | SharedAccessSignature sr=h&sig=SIG&se=12x      | se is not a whole number",
      "negative se         | SharedAccessSignature sr=h&sig=SIG&se=-1       | se is not a whole number",
      "fractional se       | SharedAccessSignature sr=h&sig=SIG&se=1.5      | se is not a whole number",
      "se past Instant.MAX | SharedAccessSignature sr=h&sig=SIG&se=99999999999999999999 | se is not a whole number",
      "duplicate sr        | SharedAccessSignature sr=h&sr=h&sig=SIG&se=1   | sr appears twice",
      "duplicate sig       | SharedAccessSignature sr=h&sig=SIG&sig=SIG&se=1 | sig appears twice",
      "empty sr            | SharedAccessSignature sr=&sig=SIG&se=1         | sr is empty",
      "field without =     | SharedAccessSignature sr=h&SIG&se=1            | field 2 is not name=value",
      "trailing &          | SharedAccessSignature sr=h&sig=SIG&se=1&       | field 4 is not name=value",
      "bad escape in sr    | SharedAccessSignature sr=h%2&sig=SIG&se=1      | sr is not valid percent-encoding",
      "non-hex escape      | SharedAccessSignature sr=h%zz&sig=SIG&se=1     | sr is not valid percent-encoding",
      "escape not UTF-8    | SharedAccessSignature sr=h%FF&sig=SIG&se=1     | sr is not valid percent-encoding",
      "sig not base64      | SharedAccessSignature sr=h&sig=SIG-_-&se=1     | sig is not URL-encoded base64",
  })
  void malformedTokensAreRefusedWithoutEchoingTheSignature(String name, String template, String expected) {
    String token = template.replace("SIG", VECTOR_A_SIG);

    assertThatThrownBy(() -> SasToken.parse(token))
        .isInstanceOfSatisfying(SasTokenException.class, e -> assertThat(e.reason()).isEqualTo(Reason.MALFORMED))
        .hasMessageContaining(expected)
        .message().doesNotContain(VECTOR_A_SIG).doesNotContain("SIG-_-");
  }

  @Test
  void badKeyIsNamedButNeverEchoed() {
    String notBase64 = "secret-key_with*bad#chars";
    SasToken token = SasToken.parse(VECTOR_A);

    assertThatThrownBy(() -> SasToken.forDevice(HOST, "d", notBase64, EXPIRY))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("base64Key is not valid base64")
        .hasNoCause();
    assertThatThrownBy(() -> token.verify(notBase64, HOST, BEFORE))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("base64Key is not valid base64");
    assertThatThrownBy(() -> token.isSignedWith(""))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("base64Key is empty");
  }

  @Test
  void signRefusesResourcesThatCannotRoundTrip() {
    assertThatThrownBy(() -> SasToken.sign("h/devices/a&b", KEY, EXPIRY, null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("resourceAsSigned contains '&'");
    assertThatThrownBy(() -> SasToken.sign("h%zz", KEY, EXPIRY, null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("resourceAsSigned is not valid percent-encoding");
    assertThatThrownBy(() -> SasToken.sign("", KEY, EXPIRY, null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("resourceAsSigned is empty");
    assertThatThrownBy(() -> SasToken.sign("h", KEY, EXPIRY, ""))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("keyName is empty");
    assertThatThrownBy(() -> SasToken.sign("h", KEY, Instant.ofEpochSecond(-1), null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("expiry is before 1970");
  }

  @Test
  void scopeBuildersRefuseIdsThatWouldAddSegments() {
    assertThatThrownBy(() -> SasToken.deviceScope(HOST, "a/modules/m"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("deviceId contains '/'");
    assertThatThrownBy(() -> SasToken.moduleScope(HOST, "a", ""))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("moduleId is empty");
    assertThatThrownBy(() -> SasToken.forDevice(null, "a", KEY, EXPIRY))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("hostName");
  }

  private static void assertWrongScope(SasToken token, String scope) {
    assertThatThrownBy(() -> token.verify(KEY, scope, BEFORE))
        .isInstanceOfSatisfying(SasTokenException.class, e -> assertThat(e.reason()).isEqualTo(Reason.WRONG_SCOPE));
  }
}
