package io.twinsdk.core.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.io.UncheckedIOException;

/**
 * The one Jackson configuration the SDK uses for documents on the wire.
 *
 * <p>Numbers keep the form they were written in ({@code 75.0} stays {@code 75.0}, {@code 1.10} stays {@code 1.10}),
 * because twin documents must round-trip byte for byte; duplicate keys are an error rather than "last one wins",
 * because a patch with two values for one key is ambiguous. {@link #parse} also refuses text after the document.
 */
public final class Json {

  private static final ObjectMapper MAPPER = JsonMapper.builder()
      .nodeFactory(JsonNodeFactory.withExactBigDecimals(true))
      .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
      .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
      .disable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
      .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
      .build();

  /** Reads whole documents: trailing text is an error. Not used inside deserializers, which read part of a stream. */
  private static final ObjectReader DOCUMENT_READER = MAPPER.reader()
      .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  private Json() {}

  /** Returns the shared, thread-safe mapper. Callers must not reconfigure it. */
  public static ObjectMapper mapper() {
    return MAPPER;
  }

  /** Parses {@code json} into a tree, failing with an {@link IllegalArgumentException} that says why. */
  public static JsonNode parse(String json) {
    try {
      return DOCUMENT_READER.readTree(json);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("Malformed JSON: " + e.getOriginalMessage(), e);
    }
  }

  /** Writes {@code value} as compact JSON. */
  public static String write(Object value) {
    try {
      return MAPPER.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }
}
