package io.twinsdk.service.internal;

import java.util.concurrent.CompletableFuture;

/** An authorizer supplies the {@code Authorization} header value, cached until shortly before it expires. */
public interface Authorizer {

  /** An authorizer for requests that carry no credentials (token endpoints). */
  Authorizer NONE = new Authorizer() {
    @Override
    public CompletableFuture<String> authorization() {
      return CompletableFuture.completedFuture(null);
    }

    @Override
    public boolean invalidate(String rejected) {
      return false;
    }
  };

  /** Returns the header value to send, or null for none. */
  CompletableFuture<String> authorization();

  /**
   * Drops {@code rejected} from the cache after the service answered 401 to it.
   *
   * @return whether a different value may now be obtained, so that one retry is worthwhile
   */
  boolean invalidate(String rejected);
}
