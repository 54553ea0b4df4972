package io.twinsdk.core.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class JsonTest {

  @Test
  void parseKeepsNumberForms() {
    assertThat(Json.write(Json.parse("{\"a\":75.0,\"b\":1.10,\"c\":4}"))).isEqualTo("{\"a\":75.0,\"b\":1.10,\"c\":4}");
  }

  @Test
  void parseRefusesDuplicateKeys() {
    assertThatThrownBy(() -> Json.parse("{\"a\":1,\"a\":2}"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Duplicate field 'a'");
  }

  @Test
  void parseRefusesTextAfterTheDocument() {
    assertThatThrownBy(() -> Json.parse("{\"a\":1} {\"b\":2}"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("Malformed JSON");
  }
}
