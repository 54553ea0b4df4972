package io.twinsdk.hub.digitaltwins.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.twinsdk.hub.http.ApiError;
import org.junit.jupiter.api.Test;

class DigitalTwinsETagsTest {

  @Test
  void newEtagsAreWeakQuotedUuidsAndDiffer() {
    String first = DigitalTwinsETags.next();

    assertThat(first).matches("W/\"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\"");
    assertThat(DigitalTwinsETags.next()).isNotEqualTo(first);
  }

  @Test
  void ifMatchAcceptsStarAbsentAndCurrentEtag() {
    String current = DigitalTwinsETags.next();

    assertThatCode(() -> DigitalTwinsETags.IfMatch.parse(null).check(current)).doesNotThrowAnyException();
    assertThatCode(() -> DigitalTwinsETags.IfMatch.parse("*").check(current)).doesNotThrowAnyException();
    assertThatCode(() -> DigitalTwinsETags.IfMatch.parse(DigitalTwinsETags.next() + ", " + current).check(current))
        .doesNotThrowAnyException();
  }

  @Test
  void staleIfMatchFailsWithPreconditionFailedNamingTheGivenEtag() {
    String stale = DigitalTwinsETags.next();
    DigitalTwinsETags.IfMatch ifMatch = DigitalTwinsETags.IfMatch.parse(stale);

    assertThatThrownBy(() -> ifMatch.check(DigitalTwinsETags.next()))
        .isInstanceOfSatisfying(ApiError.class, e -> {
          assertThat(e.status()).isEqualTo(412);
          assertThat(e.code()).isEqualTo("PreconditionFailed");
          assertThat(e.getMessage()).startsWith("The provided etag " + stale + " doesn't match the current etag");
        });
  }

  @Test
  void ifMatchThatIsNotAnEtagIsInvalidArgument() {
    assertThatThrownBy(() -> DigitalTwinsETags.IfMatch.parse("not-an-etag"))
        .isInstanceOfSatisfying(ApiError.class, e -> {
          assertThat(e.status()).isEqualTo(400);
          assertThat(e.code()).isEqualTo("InvalidArgument");
          assertThat(e.getMessage()).isEqualTo(
              "Invalid If-Match header value. Allowed value(s): If-Match: {etag} or If-Match: *");
        });
  }
}
