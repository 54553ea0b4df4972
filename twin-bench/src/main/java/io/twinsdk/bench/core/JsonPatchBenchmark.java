package io.twinsdk.bench.core;

import com.fasterxml.jackson.databind.JsonNode;
import io.twinsdk.core.internal.Json;
import io.twinsdk.core.json.JsonPatch;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The JSON Patch benchmark measures {@link JsonPatch#apply} of a 10-operation patch to a digital twin of about 2 KB,
 * against a baseline of one {@code deepCopy()} of the same twin.
 *
 * <p>{@code apply} copies the document once and then mutates the copy, so the copy is its floor; the ratio of the two
 * scores is what the operations themselves cost on top of it. Run with:
 * {@code java -jar twin-bench/target/benchmarks.jar JsonPatchBenchmark -f 1 -wi 3 -w 2 -i 5 -r 2}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class JsonPatchBenchmark {

  /** A Digital Twins room twin in the shape the service returns: properties, components and per-property metadata. */
  private static final String TWIN = """
      {
        "$dtId": "room-3.14",
        "$etag": "W/\\"9c2876c2-aff0-40b3-9fba-0c6be9d020a6\\"",
        "displayName": "Conference room 3.14",
        "floor": 3,
        "areaSquareMeters": 42.5,
        "occupied": false,
        "targetTemperature": 21.0,
        "tags": ["meeting", "video", "accessible"],
        "location": {"building": "north", "wing": "B", "coordinates": {"x": 12.25, "y": 40.75}},
        "thermostat": {
          "temperature": 22.4,
          "humidity": 41,
          "mode": "heat",
          "setpoints": {"comfort": 21.5, "eco": 18.0, "away": 16.0},
          "$metadata": {
            "$lastUpdateTime": "2025-05-02T09:30:00.1234567Z",
            "temperature": {"lastUpdateTime": "2025-05-02T09:30:00.1234567Z"},
            "humidity": {"lastUpdateTime": "2025-05-02T09:30:00.1234567Z"},
            "mode": {"lastUpdateTime": "2025-05-02T08:00:00.0000000Z"}
          }
        },
        "lighting": {
          "on": true,
          "level": 80,
          "scenes": [{"name": "presentation", "level": 30}, {"name": "meeting", "level": 70}],
          "$metadata": {
            "$lastUpdateTime": "2025-05-02T09:12:00.0000000Z",
            "on": {"lastUpdateTime": "2025-05-02T09:12:00.0000000Z"},
            "level": {"lastUpdateTime": "2025-05-02T09:12:00.0000000Z"}
          }
        },
        "airQuality": {
          "co2": 612,
          "voc": 0.21,
          "pm25": 4.2,
          "alarms": [],
          "$metadata": {
            "$lastUpdateTime": "2025-05-02T09:29:00.0000000Z",
            "co2": {"lastUpdateTime": "2025-05-02T09:29:00.0000000Z"}
          }
        },
        "occupancy": {
          "people": 0,
          "capacity": 12,
          "bookings": [
            {"id": "b-1041", "organizer": "facilities@example.com", "start": "2025-05-02T10:00:00Z", "minutes": 60},
            {"id": "b-1042", "organizer": "sales@example.com", "start": "2025-05-02T13:30:00Z", "minutes": 30},
            {"id": "b-1043", "organizer": "design@example.com", "start": "2025-05-02T15:00:00Z", "minutes": 90}
          ],
          "$metadata": {
            "$lastUpdateTime": "2025-05-02T09:00:00.0000000Z",
            "people": {"lastUpdateTime": "2025-05-02T09:00:00.0000000Z"}
          }
        },
        "$metadata": {
          "$model": "dtmi:com:example:building:Room;2",
          "$lastUpdateTime": "2025-05-02T09:30:00.1234567Z",
          "displayName": {"lastUpdateTime": "2025-04-01T10:00:00.0000000Z"},
          "floor": {"lastUpdateTime": "2025-04-01T10:00:00.0000000Z"},
          "occupied": {"lastUpdateTime": "2025-05-02T09:01:00.0000000Z"},
          "targetTemperature": {"lastUpdateTime": "2025-05-02T07:45:00.0000000Z"}
        }
      }
      """;

  private JsonNode twin;
  private JsonPatch patch;

  /** Parses the twin and builds the patch once; both are read-only afterwards. */
  @Setup
  public void setUp() {
    twin = Json.parse(TWIN);
    patch = JsonPatch.builder()
        .test("/$metadata/$model", "dtmi:com:example:building:Room;2")
        .replace("/occupied", true)
        .replace("/targetTemperature", 22.5)
        .replace("/thermostat/setpoints/comfort", 22.0)
        .add("/thermostat/fanSpeed", 2)
        .remove("/thermostat/$metadata/mode")
        .add("/lighting/scenes/-", Map.of("name", "focus", "level", 90))
        .replace("/lighting/scenes/0/level", 25)
        .add("/airQuality/alarms/0", Map.of("kind", "co2", "threshold", 1000))
        .test("/location/coordinates", Map.of("y", 40.75, "x", 12.25))
        .build();
    int size = Json.write(twin).length();
    if (size < 1800 || size > 2400) {
      throw new IllegalStateException("The benchmark twin should be about 2 KB, but is " + size + " bytes");
    }
    JsonNode patched = patch.apply(twin);
    if (patched.path("lighting").path("scenes").size() != 3 || patch.operations().size() != 10) {
      throw new IllegalStateException("The benchmark patch did not apply as intended: " + patched);
    }
  }

  /** Baseline: one deep copy of the twin, the floor of {@link #applyPatch()}. */
  @Benchmark
  public JsonNode deepCopyBaseline() {
    return twin.deepCopy();
  }

  /** Applies the 10-operation patch to the twin, which stays unchanged, so every call does the same work. */
  @Benchmark
  public JsonNode applyPatch() {
    return patch.apply(twin);
  }
}
