package io.twinsdk.device.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.twinsdk.core.auth.SasToken;
import io.twinsdk.core.auth.SasTokenException;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class TokenSourceTest {

  private static final String KEY = "c29tZUtleQ==";
  private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");

  @Test
  void signedTokenIsRenewedAtEightyFivePercentOfItsLifetime() {
    TokenSource source = TokenSource.signing(
        expiry -> SasToken.forDevice("hub.local", "dev1", KEY, expiry), Duration.ofHours(1));

    TokenSource.Issued issued = source.issue(NOW);

    assertThat(issued.expiry()).isEqualTo(NOW.plus(Duration.ofHours(1)));
    assertThat(issued.renewAt()).isEqualTo(NOW.plus(Duration.ofMinutes(51)));
    assertThat(SasToken.parse(issued.value()).isSignedWith(KEY)).isTrue();
  }

  @Test
  void suppliedTokenIsRenewedAtEightyFivePercentOfWhatRemains() {
    String token = SasToken.forDevice("hub.local", "dev1", KEY, NOW.plusSeconds(100)).value();
    TokenSource source = TokenSource.supplied(() -> token);

    TokenSource.Issued issued = source.issue(NOW);

    assertThat(issued.value()).isEqualTo(token);
    assertThat(issued.renewAt()).isEqualTo(NOW.plusSeconds(85));
  }

  @Test
  void suppliedGarbageIsRefused() {
    assertThatThrownBy(() -> TokenSource.supplied(() -> "not a token").issue(NOW))
        .isInstanceOf(SasTokenException.class);
    assertThatThrownBy(() -> TokenSource.supplied(() -> null).issue(NOW))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
