package io.twinsdk.hub.digitaltwins.jobs;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A response body read as an {@link InputStream} whose every read waits at most an idle timeout for the next bytes.
 * The JDK's {@code BodyHandlers.ofInputStream()} blocks for ever on a server that stops sending mid-body; this one
 * throws an {@link IOException} and cancels the response. The HTTP client's threads deliver the chunks; the reader
 * asks for one chunk at a time, so at most one chunk waits in memory beyond the one being read.
 */
final class IdleTimeoutBody extends InputStream implements HttpResponse.BodySubscriber<InputStream> {

  /** Marks the end of the body in the queue. */
  private static final List<ByteBuffer> END = List.of();

  private final Duration idleTimeout;
  private final BlockingQueue<Object> chunks = new LinkedBlockingQueue<>();
  private final CompletableFuture<Flow.Subscription> subscription = new CompletableFuture<>();
  private Iterator<ByteBuffer> current = END.iterator();
  private ByteBuffer buffer;
  private boolean ended;

  IdleTimeoutBody(Duration idleTimeout) {
    this.idleTimeout = idleTimeout;
  }

  @Override
  public CompletionStage<InputStream> getBody() {
    return CompletableFuture.completedFuture(this);
  }

  @Override
  public void onSubscribe(Flow.Subscription given) {
    if (!subscription.complete(given)) {
      given.cancel();
      return;
    }
    given.request(1);
  }

  @Override
  public void onNext(List<ByteBuffer> item) {
    chunks.add(item);
  }

  @Override
  public void onError(Throwable throwable) {
    chunks.add(throwable);
  }

  @Override
  public void onComplete() {
    chunks.add(END);
  }

  @Override
  public int read() throws IOException {
    byte[] one = new byte[1];
    return read(one, 0, 1) == -1 ? -1 : one[0] & 0xff;
  }

  @Override
  public int read(byte[] target, int offset, int length) throws IOException {
    if (length == 0) {
      return 0;
    }
    while (buffer == null || !buffer.hasRemaining()) {
      if (current.hasNext()) {
        buffer = current.next();
      } else if (ended || !nextChunk()) {
        return -1;
      }
    }
    int count = Math.min(length, buffer.remaining());
    buffer.get(target, offset, count);
    return count;
  }

  /** Waits for the next chunk; returns false at the end of the body. */
  @SuppressWarnings("unchecked")
  private boolean nextChunk() throws IOException {
    Object next;
    try {
      next = chunks.poll(idleTimeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      close();
      throw new IOException("Interrupted while reading the response", e);
    }
    if (next == null) {
      close();
      throw new IOException("The server sent nothing for " + idleTimeout.toSeconds() + " s");
    }
    if (next instanceof Throwable failure) {
      ended = true;
      throw new IOException("The response failed: " + failure.getMessage(), failure);
    }
    if (next == END) {
      ended = true;
      return false;
    }
    current = ((List<ByteBuffer>) next).iterator();
    subscription.join().request(1);
    return true;
  }

  /** Stops the response; the connection is released by the client. */
  @Override
  public void close() {
    ended = true;
    subscription.thenAccept(Flow.Subscription::cancel);
  }
}
