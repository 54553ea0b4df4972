package io.twinsdk.hub.digitaltwins.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.twinsdk.hub.http.ApiError;
import java.util.List;
import org.junit.jupiter.api.Test;

class PagingTest {

  @Test
  void tokenRoundTripsKeysWithAnyCharacters() {
    List<String> keys = List.of("twin/with ünïcode&=", "rel\"1");

    String token = Paging.encodeToken(keys);

    assertThat(token).matches("[A-Za-z0-9_-]+");
    assertThat(Paging.decodeToken(token, 2)).isEqualTo(keys);
  }

  @Test
  void foreignTokenIsBadRequest() {
    String twoParts = Paging.encodeToken(List.of("a", "b"));

    for (String token : List.of("not base64!", "e30", twoParts)) {
      assertThatThrownBy(() -> Paging.decodeToken(token, 1))
          .isInstanceOfSatisfying(ApiError.class, e -> {
            assertThat(e.status()).isEqualTo(400);
            assertThat(e.getMessage()).isEqualTo("The continuation token is invalid.");
          });
    }
  }
}
