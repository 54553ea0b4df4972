package io.twinsdk.device.internal;

import io.twinsdk.core.auth.SasToken;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * A token source makes the SAS token for each connection and says when to renew it: at 85% of its lifetime, the
 * point the official SDKs use, so that a renewal has time to finish before IoT Hub drops the connection.
 */
public final class TokenSource {

  private static final double RENEW_AT = 0.85;

  private final Function<Instant, SasToken> signer;
  private final Supplier<String> supplier;
  private final Duration lifetime;

  private TokenSource(Function<Instant, SasToken> signer, Supplier<String> supplier, Duration lifetime) {
    this.signer = signer;
    this.supplier = supplier;
    this.lifetime = lifetime;
  }

  /** Returns a source that signs a fresh token valid for {@code lifetime} with each call to {@code signer}. */
  public static TokenSource signing(Function<Instant, SasToken> signer, Duration lifetime) {
    return new TokenSource(Objects.requireNonNull(signer, "signer"), null, Objects.requireNonNull(lifetime));
  }

  /** Returns a source that asks {@code supplier} for a ready-made token each time. */
  public static TokenSource supplied(Supplier<String> supplier) {
    return new TokenSource(null, Objects.requireNonNull(supplier, "supplier"), null);
  }

  /**
   * Returns a token for a connection made at {@code now}, and when to renew it.
   *
   * @throws IllegalArgumentException if the supplier returned {@code null}
   * @throws io.twinsdk.core.auth.SasTokenException if a supplied token is not a SAS token
   */
  public Issued issue(Instant now) {
    SasToken token;
    if (signer != null) {
      token = signer.apply(now.plus(lifetime));
    } else {
      String value = supplier.get();
      if (value == null) {
        throw new IllegalArgumentException("The SAS token supplier returned null");
      }
      token = SasToken.parse(value);
    }
    Duration remaining = Duration.between(now, token.expiry());
    Instant renewAt = remaining.isNegative() ? now : now.plusMillis((long) (remaining.toMillis() * RENEW_AT));
    return new Issued(token.value(), token.expiry(), renewAt);
  }

  /** An issued token. */
  public static final class Issued {

    private final String value;
    private final Instant expiry;
    private final Instant renewAt;

    Issued(String value, Instant expiry, Instant renewAt) {
      this.value = value;
      this.expiry = expiry;
      this.renewAt = renewAt;
    }

    /** Returns the token as sent in the MQTT password. */
    public String value() {
      return value;
    }

    /** Returns when the hub stops accepting it. */
    public Instant expiry() {
      return expiry;
    }

    /** Returns when the client should reconnect with a new token. */
    public Instant renewAt() {
      return renewAt;
    }
  }
}
