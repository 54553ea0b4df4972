package io.twinsdk.bench.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class LoadDriverTest {

  @Test
  void operationsThatCompleteAtOnceRunInALoopNotARecursion() throws Exception {
    LoadDriver driver = new LoadDriver(Duration.ZERO, Duration.ofMillis(300));

    LoadDriver.Result result = driver.async(2, i -> CompletableFuture.completedFuture(i));

    assertThat(result.ops).isPositive();
  }

  @Test
  void operationStartedInTheWarmupCountsWhenItCompletesInThePeriod() throws Exception {
    // Given one thread whose operations take 1 s each, a 0.5 s warm-up and a 2 s period: the operations end at
    // about 1 s, 2 s and 3 s, so the first two end inside the period [0.5 s, 2.5 s], the first having started
    // before it. The margins (0.5 s) are far above sleep's overshoot.
    LoadDriver driver = new LoadDriver(Duration.ofMillis(500), Duration.ofSeconds(2));

    LoadDriver.Result result = driver.sync(1, i -> Thread.sleep(1000));

    assertThat(result.ops).isEqualTo(2);
  }
}
