package io.twinsdk.service.internal;

import static org.assertj.core.api.Assertions.assertThat;

import okhttp3.HttpUrl;
import org.junit.jupiter.api.Test;

class RedactionTest {

  @Test
  void secretLookingQueryValuesAreRedactedAndTheRestKept() {
    HttpUrl url = HttpUrl.get("https://hub.example.net/models?continuationToken=abc&api-version=2023-10-31"
        + "&sig=xyz&SharedAccessKey=k&client_secret=s&code=c&includeModelDefinition=true");

    String logged = Redaction.url(url);

    assertThat(logged).doesNotContain("abc", "xyz", "=k", "=s&", "=c&")
        .contains("api-version=2023-10-31", "includeModelDefinition=true", "sig=REDACTED",
            "continuationToken=REDACTED");
  }

  @Test
  void urlWithoutQueryIsUnchanged() {
    assertThat(Redaction.url(HttpUrl.get("https://hub.example.net/twins/d1")))
        .isEqualTo("https://hub.example.net/twins/d1");
  }
}
