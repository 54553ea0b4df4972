package io.twinsdk.hub.digitaltwins.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.twinsdk.hub.http.ApiError;
import io.twinsdk.hub.store.StoreException;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

/** How the query route words the store's failures. */
class QueryRouteTest {

  @Test
  void queryStoppedAtTheTimeLimitAnswersTimeoutError() {
    CompletionException failure = new CompletionException(new QueryTimeoutException(60, null));

    assertThatThrownBy(() -> QueryRoute.translate(failure)).isInstanceOfSatisfying(ApiError.class, e -> {
      assertThat(e.status()).isEqualTo(400);
      assertThat(e.code()).isEqualTo("TimeoutError");
      assertThat(e.getMessage()).contains("timed out after 60 seconds");
    });
  }

  @Test
  void otherStoreFailuresPassThrough() {
    CompletionException failure = new CompletionException(new StoreException("disk gone", null));

    assertThatThrownBy(() -> QueryRoute.translate(failure)).isSameAs(failure);
  }
}
