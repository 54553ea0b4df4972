package io.twinsdk.core.digitaltwin;

import static io.twinsdk.core.digitaltwin.JsonAssertions.assertSameJson;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import com.fasterxml.jackson.databind.JsonNode;
import io.twinsdk.core.internal.Json;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every twin, component and relationship body in the service's swagger examples survives parse then write unchanged:
 * same JSON value, same member order, same number forms.
 */
class SwaggerExamplesRoundTripTest {

  record Body(String file, String pointer, Class<?> type, JsonNode json) {

    String name() {
      return file + " " + pointer + " as " + type.getSimpleName();
    }
  }

  @TestFactory
  Stream<DynamicTest> everyBodySurvivesParseAndWriteUnchanged() throws Exception {
    return bodies().stream().map(body -> dynamicTest(body.name(), () -> {
      String expected = Json.write(body.json());

      Object parsed = Json.mapper().readValue(expected, body.type());
      String written = Json.mapper().writeValueAsString(parsed);

      assertThat(parsed).isInstanceOf(body.type());
      assertSameJson(written, expected);
    }));
  }

  @Test
  void examplesHoldBodiesOfEveryKind() throws Exception {
    List<Body> bodies = bodies();

    Map<Class<?>, Long> counts = bodies.stream().collect(Collectors.groupingBy(Body::type, Collectors.counting()));

    assertThat(counts).containsOnlyKeys(BasicDigitalTwin.class, BasicDigitalTwinComponent.class,
        BasicRelationship.class, IncomingRelationship.class);
    assertThat(counts.get(BasicDigitalTwin.class)).isGreaterThanOrEqualTo(10);
    assertThat(counts.get(BasicRelationship.class)).isGreaterThanOrEqualTo(6);
    assertThat(bodies).extracting(Body::name)
        .contains("PutTwinAdvancedExample.json /parameters/twin as BasicDigitalTwin",
            "GetComponent.json /responses/200/body as BasicDigitalTwinComponent",
            "GetIncomingRelationship.json /responses/200/body/value/0 as IncomingRelationship");
  }

  private static List<Body> bodies() throws IOException, URISyntaxException {
    Path folder = Path.of(SwaggerExamplesRoundTripTest.class.getResource("/digitaltwins/swagger-examples").toURI());
    List<Body> bodies = new ArrayList<>();
    try (Stream<Path> files = Files.list(folder)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".json")).sorted().collect(Collectors.toList())) {
        JsonNode example = Json.parse(Files.readString(file, StandardCharsets.UTF_8));
        collect(file.getFileName().toString(), "", example, bodies);
      }
    }
    return bodies;
  }

  /** Finds bodies by their shape, so that a new example file needs no code change; found bodies are not searched. */
  private static void collect(String file, String pointer, JsonNode node, List<Body> bodies) {
    Class<?> type = typeOf(node);
    if (type != null) {
      bodies.add(new Body(file, pointer, type, node));
      return;
    }
    if (node.isObject()) {
      Iterator<Map.Entry<String, JsonNode>> members = node.fields();
      while (members.hasNext()) {
        Map.Entry<String, JsonNode> member = members.next();
        collect(file, pointer + "/" + member.getKey(), member.getValue(), bodies);
      }
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        collect(file, pointer + "/" + i, node.get(i), bodies);
      }
    }
  }

  private static Class<?> typeOf(JsonNode node) {
    if (!node.isObject()) {
      return null;
    }
    if (node.has("$relationshipLink")) {
      return IncomingRelationship.class;
    }
    if (node.has("$targetId") && node.has("$relationshipName")) {
      return BasicRelationship.class;
    }
    if (node.has("$dtId") || node.path("$metadata").has("$model")) {
      return BasicDigitalTwin.class;
    }
    if (node.path("$metadata").isObject()) {
      return BasicDigitalTwinComponent.class;
    }
    return null;
  }
}
