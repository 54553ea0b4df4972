package io.twinsdk.bench.device;

import io.twinsdk.core.json.MergePatch;
import io.twinsdk.device.DeviceClient;
import io.twinsdk.device.OperationTimeoutException;
import java.time.Duration;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/** Twin SDK's device client. */
final class OurSdk implements DeviceSdk {

  private final Path certificate;

  OurSdk(Path certificate) {
    this.certificate = certificate;
  }

  @Override
  public String name() {
    return "twin-sdk";
  }

  @Override
  public OurClient connect(String connectionString) {
    DeviceClient client = DeviceClient.builder().connectionString(connectionString).trustPem(certificate)
        .operationTimeout(Duration.ofMillis(ANSWER_MILLIS)).offlineQueueCapacity(1000).buildClient();
    client.open();
    return new OurClient(client);
  }

  /** Our client, which can also pipeline. */
  static final class OurClient implements Client {

    private final DeviceClient client;

    OurClient(DeviceClient client) {
      this.client = client;
    }

    @Override
    public boolean getTwin() {
      try {
        client.getTwin();
        return true;
      } catch (OperationTimeoutException e) {
        return false;
      }
    }

    @Override
    public boolean report(int value) {
      try {
        client.updateReportedProperties(MergePatch.builder().set("n", value).build());
        return true;
      } catch (OperationTimeoutException e) {
        return false;
      }
    }

    /** Sends {@code count} updates with up to {@code window} in flight and waits for all answers. */
    void reportPipelined(int count, int window) throws Exception {
      Semaphore permits = new Semaphore(window);
      AtomicReference<Throwable> failure = new AtomicReference<>();
      CompletableFuture<Long> last = null;
      for (int i = 0; i < count; i++) {
        permits.acquire();
        last = client.updateReportedPropertiesAsync(MergePatch.builder().set("n", i).build());
        last.whenComplete((version, error) -> {
          if (error != null) {
            failure.compareAndSet(null, error);
          }
          permits.release();
        });
      }
      permits.acquire(window);
      if (failure.get() != null) {
        throw new IllegalStateException("A pipelined update failed", failure.get());
      }
      last.get(1, TimeUnit.SECONDS);
    }

    @Override
    public void close() {
      client.close();
    }
  }
}
