package io.twinsdk.bench.service;

import com.sun.management.OperatingSystemMXBean;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * Drives one operation for a warm-up and then a measured period, either from N blocking threads or with N async
 * requests kept in flight, and reports throughput, latency percentiles and this JVM's CPU time per operation.
 */
final class LoadDriver {

  /** A blocking operation; {@code i} spreads calls over the twins. */
  interface SyncOp {
    void run(int i) throws Exception;
  }

  /** An async operation. */
  interface AsyncOp {
    CompletableFuture<?> start(int i);
  }

  /** What one measured period gave. */
  static final class Result {
    final double opsPerSecond;
    final double cpuMicrosPerOp;
    final double p50Micros;
    final double p99Micros;

    Result(long ops, long nanos, long cpuNanos, Histogram latency) {
      this.opsPerSecond = ops * 1e9 / nanos;
      this.cpuMicrosPerOp = ops == 0 ? Double.NaN : cpuNanos / 1e3 / ops;
      this.p50Micros = latency.getValueAtPercentile(50) / 1e3;
      this.p99Micros = latency.getValueAtPercentile(99) / 1e3;
    }
  }

  private static final OperatingSystemMXBean OS =
      (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

  private final Duration warmup;
  private final Duration measure;

  LoadDriver(Duration warmup, Duration measure) {
    this.warmup = warmup;
    this.measure = measure;
  }

  Result sync(int threads, SyncOp op) throws InterruptedException {
    Recorder recorder = new Recorder(3);
    long start = System.nanoTime();
    long measureStart = start + warmup.toNanos();
    long end = measureStart + measure.toNanos();
    AtomicReference<Throwable> failure = new AtomicReference<>();
    CountDownLatch done = new CountDownLatch(threads);
    List<Thread> workers = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      int offset = t;
      Thread worker = new Thread(() -> {
        try {
          for (int i = offset; ; i += threads) {
            long before = System.nanoTime();
            if (before >= end) {
              break;
            }
            op.run(i);
            long after = System.nanoTime();
            if (before >= measureStart && after <= end) {
              recorder.recordValue(after - before);
            }
          }
        } catch (Throwable e) {
          failure.compareAndSet(null, e);
        } finally {
          done.countDown();
        }
      }, "bench-sync-" + t);
      workers.add(worker);
      worker.start();
    }
    return measure(recorder, measureStart, end, done, failure);
  }

  Result async(int inFlight, AsyncOp op) throws InterruptedException {
    Recorder recorder = new Recorder(3);
    long start = System.nanoTime();
    long measureStart = start + warmup.toNanos();
    long end = measureStart + measure.toNanos();
    AtomicReference<Throwable> failure = new AtomicReference<>();
    CountDownLatch done = new CountDownLatch(inFlight);
    for (int slot = 0; slot < inFlight; slot++) {
      next(op, slot, inFlight, recorder, measureStart, end, failure, done);
    }
    return measure(recorder, measureStart, end, done, failure);
  }

  private static void next(AsyncOp op, int i, int stride, Recorder recorder, long measureStart, long end,
      AtomicReference<Throwable> failure, CountDownLatch done) {
    long before = System.nanoTime();
    if (before >= end || failure.get() != null) {
      done.countDown();
      return;
    }
    op.start(i).whenComplete((ignored, error) -> {
      long after = System.nanoTime();
      if (error != null) {
        failure.compareAndSet(null, error);
        done.countDown();
        return;
      }
      if (before >= measureStart && after <= end) {
        recorder.recordValue(after - before);
      }
      next(op, i + stride, stride, recorder, measureStart, end, failure, done);
    });
  }

  private Result measure(Recorder recorder, long measureStart, long end, CountDownLatch done,
      AtomicReference<Throwable> failure) throws InterruptedException {
    sleepUntil(measureStart);
    recorder.reset();
    long cpuStart = OS.getProcessCpuTime();
    long wallStart = System.nanoTime();
    sleepUntil(end);
    long cpuEnd = OS.getProcessCpuTime();
    long wallEnd = System.nanoTime();
    Histogram latency = recorder.getIntervalHistogram();
    if (!done.await(60, TimeUnit.SECONDS)) {
      throw new IllegalStateException("Load did not stop within 60 s of the end of the period");
    }
    if (failure.get() != null) {
      throw new IllegalStateException("An operation failed: " + failure.get(), failure.get());
    }
    return new Result(latency.getTotalCount(), wallEnd - wallStart, cpuEnd - cpuStart, latency);
  }

  private static void sleepUntil(long nanoTime) throws InterruptedException {
    long remaining;
    while ((remaining = nanoTime - System.nanoTime()) > 0) {
      TimeUnit.NANOSECONDS.sleep(remaining);
    }
  }
}
