package io.twinsdk.hub.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.twinsdk.core.internal.Json;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Bearer tokens for the Digital Twins data plane: JWTs (HS256) that the hub's token endpoint issues to a shared access
 * policy and signs with that policy's primary key.
 *
 * <p>Signing with the policy key keeps verification stateless and across restarts, and regenerating a policy key
 * revokes every token issued to it. A token from anywhere else — or any other string — is refused.
 */
public final class BearerTokens {

  private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
  private static final Base64.Decoder B64_DECODER = Base64.getUrlDecoder();
  private static final String HEADER = B64.encodeToString(
      "{\"alg\":\"HS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));

  private final AccessPolicies policies;
  private final String issuer;
  private final Duration lifetime;
  private final Clock clock;

  /** Creates a token service for {@code policies}, naming {@code issuer} in each token. */
  public BearerTokens(AccessPolicies policies, String issuer, Duration lifetime, Clock clock) {
    this.policies = policies;
    this.issuer = issuer;
    this.lifetime = lifetime;
    this.clock = clock;
  }

  /** How long a new token is valid. */
  public Duration lifetime() {
    return lifetime;
  }

  /** Issues a token for {@code policy}, valid for {@link #lifetime()}, for the given audience. */
  public String issue(AccessPolicy policy, String audience) {
    Instant now = clock.instant();
    ObjectNode claims = JsonNodeFactory.instance.objectNode();
    claims.put("iss", issuer);
    claims.put("aud", audience);
    claims.put("skn", policy.name());
    claims.put("iat", now.getEpochSecond());
    claims.put("nbf", now.getEpochSecond());
    claims.put("exp", now.plus(lifetime).getEpochSecond());
    claims.put("jti", UUID.randomUUID().toString());
    String unsigned = HEADER + "." + B64.encodeToString(Json.write(claims).getBytes(StandardCharsets.UTF_8));
    return unsigned + "." + B64.encodeToString(hmac(policy.primaryKey(), unsigned));
  }

  /**
   * Returns the principal a token stands for, or empty when the token is malformed, forged, expired, or its policy no
   * longer exists.
   */
  public Optional<Principal> verify(String token) {
    String[] parts = token.split("\\.", -1);
    if (parts.length != 3 || !parts[0].equals(HEADER)) {
      return Optional.empty();
    }
    JsonNode claims;
    byte[] signature;
    try {
      claims = Json.parse(new String(B64_DECODER.decode(parts[1]), StandardCharsets.UTF_8));
      signature = B64_DECODER.decode(parts[2]);
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
    Optional<AccessPolicy> policy = policies.find(claims.path("skn").asText(""));
    if (policy.isEmpty() || !claims.path("exp").canConvertToLong()) {
      return Optional.empty();
    }
    String unsigned = parts[0] + "." + parts[1];
    boolean signed = false;
    for (String key : policy.get().keys()) {
      signed |= MessageDigest.isEqual(hmac(key, unsigned), signature);
    }
    if (!signed || clock.instant().getEpochSecond() >= claims.get("exp").asLong()) {
      return Optional.empty();
    }
    return Optional.of(new Principal(policy.get().name(), false, policy.get().rights()));
  }

  private static byte[] hmac(String base64Key, String data) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(Base64.getDecoder().decode(base64Key), "HmacSHA256"));
      return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is unavailable", e);
    }
  }
}
