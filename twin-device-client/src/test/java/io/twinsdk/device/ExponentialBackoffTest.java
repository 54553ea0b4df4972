package io.twinsdk.device;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ExponentialBackoffTest {

  @Test
  void delayDoublesFromTheInitialDelayUpToTheMaximum() {
    ExponentialBackoff policy = ExponentialBackoff.builder()
        .initialDelay(Duration.ofMillis(100)).maxDelay(Duration.ofMillis(1000)).jitter(0).build();

    assertThat(policy.delayBeforeAttempt(1)).hasValue(Duration.ofMillis(100));
    assertThat(policy.delayBeforeAttempt(2)).hasValue(Duration.ofMillis(200));
    assertThat(policy.delayBeforeAttempt(4)).hasValue(Duration.ofMillis(800));
    assertThat(policy.delayBeforeAttempt(5)).hasValue(Duration.ofMillis(1000));
    assertThat(policy.delayBeforeAttempt(Integer.MAX_VALUE)).hasValue(Duration.ofMillis(1000));
  }

  @Test
  void jitterRemovesUpToItsShareOfTheDelay() {
    ExponentialBackoff most = ExponentialBackoff.builder()
        .initialDelay(Duration.ofMillis(1000)).jitter(0.5).random(() -> 0.999_999).build();
    ExponentialBackoff none = ExponentialBackoff.builder()
        .initialDelay(Duration.ofMillis(1000)).jitter(0.5).random(() -> 0).build();

    assertThat(most.delayBeforeAttempt(1)).hasValue(Duration.ofMillis(501));
    assertThat(none.delayBeforeAttempt(1)).hasValue(Duration.ofMillis(1000));
  }

  @Test
  void defaultJitterSpreadsDelaysWithinBounds() {
    ExponentialBackoff policy = ExponentialBackoff.defaults();

    for (int i = 0; i < 100; i++) {
      assertThat(policy.delayBeforeAttempt(3).orElseThrow()).isBetween(Duration.ofMillis(300), Duration.ofMillis(400));
    }
  }

  @Test
  void givesUpAfterMaxAttempts() {
    ExponentialBackoff policy = ExponentialBackoff.builder().maxAttempts(2).build();

    assertThat(policy.delayBeforeAttempt(2)).isPresent();
    assertThat(policy.delayBeforeAttempt(3)).isEmpty();
  }

  @Test
  void builderRefusesNonsenseNamingTheArgument() {
    assertThatThrownBy(() -> ExponentialBackoff.builder().jitter(1.5))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("jitter");
    assertThatThrownBy(() -> ExponentialBackoff.builder().initialDelay(Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("initialDelay");
    assertThatThrownBy(() -> ExponentialBackoff.builder()
        .initialDelay(Duration.ofSeconds(5)).maxDelay(Duration.ofSeconds(1)).build())
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxDelay");
  }
}
