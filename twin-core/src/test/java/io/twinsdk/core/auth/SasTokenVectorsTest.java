package io.twinsdk.core.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import com.fasterxml.jackson.databind.JsonNode;
import io.twinsdk.core.auth.SasTokenException.Reason;
import io.twinsdk.core.internal.Json;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** Runs the published SAS vectors (vectors/sas-tokens.json) through signing, parsing and verification. */
class SasTokenVectorsTest {

  private static final String WRONG_KEY =
      Base64.getEncoder().encodeToString("not the key".getBytes(StandardCharsets.UTF_8));

  record Vector(String comment, String key, String resourceAsSigned, long expiry, String policyName,
                String expectedSigUrlEncoded, String token) {

    Instant expiryInstant() {
      return Instant.ofEpochSecond(expiry);
    }

    /** The scope the token grants, decoded independently of the code under test. */
    String scope() {
      return URLDecoder.decode(resourceAsSigned, StandardCharsets.UTF_8);
    }
  }

  @TestFactory
  Stream<DynamicTest> everyVectorSignsParsesAndVerifies() throws IOException {
    return vectors().map(v -> dynamicTest(v.comment(), () -> checkVector(v)));
  }

  private static void checkVector(Vector v) {
    // signing reproduces the published signature and token
    SasToken signed = SasToken.sign(v.resourceAsSigned(), v.key(), v.expiryInstant(), v.policyName());
    assertThat(signed.value()).contains("&sig=" + v.expectedSigUrlEncoded() + "&").isEqualTo(v.token());
    assertThat(signed.signature()).isEqualTo(URLDecoder.decode(v.expectedSigUrlEncoded(), StandardCharsets.UTF_8));

    // parsing gives back the fields
    SasToken parsed = SasToken.parse(v.token());
    assertThat(parsed.resource()).isEqualTo(v.resourceAsSigned());
    assertThat(parsed.scope()).isEqualTo(v.scope());
    assertThat(parsed.signature()).isEqualTo(signed.signature());
    assertThat(parsed.expiry()).isEqualTo(v.expiryInstant());
    assertThat(parsed.keyName().orElse(null)).isEqualTo(v.policyName());
    assertThat(parsed).isEqualTo(signed).hasSameHashCodeAs(signed);
    assertThat(parsed.value()).isEqualTo(v.token());

    // verification succeeds with the right key and scope before expiry
    Instant beforeExpiry = v.expiryInstant().minusSeconds(1);
    parsed.verify(v.key(), v.scope(), beforeExpiry);

    // ... and fails with a tampered signature, a wrong key, an expired clock, or sr re-encoded differently
    assertRefused(SasToken.parse(withTamperedSignature(v)), v.key(), v.scope(), beforeExpiry, Reason.INVALID_SIGNATURE);
    assertRefused(parsed, WRONG_KEY, v.scope(), beforeExpiry, Reason.INVALID_SIGNATURE);
    assertRefused(parsed, v.key(), v.scope(), v.expiryInstant().plusSeconds(1), Reason.EXPIRED);
    SasToken reEncoded = SasToken.parse(withFirstResourceCharEscaped(v));
    assertThat(reEncoded.scope()).isEqualTo(v.scope());
    assertRefused(reEncoded, v.key(), v.scope(), beforeExpiry, Reason.INVALID_SIGNATURE);
  }

  private static void assertRefused(SasToken token, String key, String scope, Instant now, Reason reason) {
    assertThatThrownBy(() -> token.verify(key, scope, now))
        .isInstanceOfSatisfying(SasTokenException.class, e -> assertThat(e.reason()).isEqualTo(reason))
        .message().doesNotContain(token.signature()).doesNotContain(key);
  }

  /** Flips one bit of the signature and writes it back into the token. */
  private static String withTamperedSignature(Vector v) {
    byte[] sig = Base64.getDecoder().decode(URLDecoder.decode(v.expectedSigUrlEncoded(), StandardCharsets.UTF_8));
    sig[0] ^= 1;
    String tampered = URLEncoder.encode(Base64.getEncoder().encodeToString(sig), StandardCharsets.UTF_8);
    return v.token().replace("sig=" + v.expectedSigUrlEncoded(), "sig=" + tampered);
  }

  /** Writes the same resource with its first character percent-escaped: same scope, different bytes signed. */
  private static String withFirstResourceCharEscaped(Vector v) {
    String sr = v.resourceAsSigned();
    String escaped = String.format("%%%02X", (int) sr.charAt(0)) + sr.substring(1);
    return v.token().replace("sr=" + sr + "&", "sr=" + escaped + "&");
  }

  private static Stream<Vector> vectors() throws IOException {
    try (InputStream in = SasTokenVectorsTest.class.getResourceAsStream("/vectors/sas-tokens.json")) {
      assertThat(in).as("vectors/sas-tokens.json on the test classpath").isNotNull();
      JsonNode array = Json.mapper().readTree(in);
      assertThat(array.size()).isEqualTo(5);
      return StreamSupport.stream(array.spliterator(), false)
          .map(n -> new Vector(
              n.get("comment").asText(),
              n.get("key").asText(),
              n.get("resourceAsSigned").asText(),
              n.get("expiry").asLong(),
              n.get("policyName").isNull() ? null : n.get("policyName").asText(),
              n.get("expectedSigUrlEncoded").asText(),
              n.get("token").asText()))
          .toList()
          .stream();
    }
  }
}
