package io.twinsdk.bench.service;

import com.sun.management.OperatingSystemMXBean;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * Drives one operation for a warm-up and then a measured period, either from N blocking threads or with N async
 * requests kept in flight, and reports throughput, latency percentiles and this JVM's CPU time per operation.
 * Throughput counts the operations that completed inside the period (also those started before it); latency only
 * those that both started and ended inside it.
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
    final long ops;
    final double opsPerSecond;
    final double cpuMicrosPerOp;
    final double p50Micros;
    final double p99Micros;

    /** What a period gave: {@code ops} completed in {@code nanos}, {@code latency} of those wholly inside it. */
    Result(long ops, long nanos, long cpuNanos, Histogram latency) {
      this.ops = ops;
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
    LongAdder completed = new LongAdder();
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
            record(before, System.nanoTime(), measureStart, end, recorder, completed);
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
    return measure(recorder, completed, measureStart, end, done, failure);
  }

  Result async(int inFlight, AsyncOp op) throws InterruptedException {
    Recorder recorder = new Recorder(3);
    LongAdder completed = new LongAdder();
    long start = System.nanoTime();
    long measureStart = start + warmup.toNanos();
    long end = measureStart + measure.toNanos();
    AtomicReference<Throwable> failure = new AtomicReference<>();
    CountDownLatch done = new CountDownLatch(inFlight);
    Window window = new Window(op, inFlight, recorder, completed, measureStart, end, failure, done);
    for (int slot = 0; slot < inFlight; slot++) {
      window.next(slot);
    }
    return measure(recorder, completed, measureStart, end, done, failure);
  }

  private static void record(long before, long after, long measureStart, long end, Recorder recorder,
      LongAdder completed) {
    if (after >= measureStart && after <= end) {
      completed.increment();
      if (before >= measureStart) {
        recorder.recordValue(after - before);
      }
    }
  }

  /** The async load: each of the {@code stride} slots starts its next operation when its last one completed. */
  private static final class Window {
    private static final int PENDING = 0;
    private static final int RETURNED = 1;
    private static final int COMPLETED_INLINE = 2;

    final AsyncOp op;
    final int stride;
    final Recorder recorder;
    final LongAdder completed;
    final long measureStart;
    final long end;
    final AtomicReference<Throwable> failure;
    final CountDownLatch done;

    Window(AsyncOp op, int stride, Recorder recorder, LongAdder completed, long measureStart, long end,
        AtomicReference<Throwable> failure, CountDownLatch done) {
      this.op = op;
      this.stride = stride;
      this.recorder = recorder;
      this.completed = completed;
      this.measureStart = measureStart;
      this.end = end;
      this.failure = failure;
      this.done = done;
    }

    /**
     * Starts operations from {@code first} on. An operation that completes while it is being started (already
     * completed, or failed at once) continues this loop rather than calling {@code next} from its callback, so the
     * stack does not grow with each operation.
     */
    void next(int first) {
      for (int i = first; ; i += stride) {
        long before = System.nanoTime();
        if (before >= end || failure.get() != null) {
          done.countDown();
          return;
        }
        int current = i;
        AtomicInteger handoff = new AtomicInteger(PENDING);
        CompletableFuture<?> started;
        try {
          started = op.start(current);
        } catch (RuntimeException e) {
          started = CompletableFuture.failedFuture(e);
        }
        started.whenComplete((ignored, error) -> {
          if (error != null) {
            failure.compareAndSet(null, error);
            done.countDown();
            return;
          }
          record(before, System.nanoTime(), measureStart, end, recorder, completed);
          if (!handoff.compareAndSet(PENDING, COMPLETED_INLINE)) {
            next(current + stride);
          }
        });
        if (handoff.compareAndSet(PENDING, RETURNED)) {
          return;
        }
      }
    }
  }

  private Result measure(Recorder recorder, LongAdder completed, long measureStart, long end, CountDownLatch done,
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
    return new Result(completed.sum(), wallEnd - wallStart, cpuEnd - cpuStart, latency);
  }

  private static void sleepUntil(long nanoTime) throws InterruptedException {
    long remaining;
    while ((remaining = nanoTime - System.nanoTime()) > 0) {
      TimeUnit.NANOSECONDS.sleep(remaining);
    }
  }
}
