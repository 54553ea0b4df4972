package io.twinsdk.core.dtdl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import io.twinsdk.core.internal.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.opentest4j.TestAbortedException;

/**
 * Runs the DTDL conformance cases of Azure/opendigitaltwins-dtdl: every valid case must parse into a model set, every
 * invalid case must be rejected. The bundled sample is read by default; {@code -Ddtdl.conformance.dir=DIR} reads
 * {@code DIR/v2} and {@code DIR/v3} instead.
 */
class DtdlConformanceTest {

  private static final String DIRECTORY_PROPERTY = "dtdl.conformance.dir";
  private static final String ALLOW = "AllowUndefinedExtensions";
  private static final String DISALLOW = "DisallowUndefinedExtensions";
  private static final Map<String, Tally> TALLIES = new TreeMap<>();

  /** Counts of outcomes for one DTDL version. */
  private static final class Tally {
    final AtomicInteger passed = new AtomicInteger();
    final AtomicInteger failed = new AtomicInteger();
    final AtomicInteger skipped = new AtomicInteger();
  }

  @TestFactory
  Stream<DynamicTest> conformanceCases() throws IOException {
    Path root = casesRoot();
    List<DynamicTest> tests = new ArrayList<>();
    for (String version : new String[] {"v2", "v3"}) {
      Path directory = root.resolve(version);
      assertThat(directory).as("conformance directory").isDirectory();
      Tally tally = TALLIES.computeIfAbsent(version, v -> new Tally());
      List<Path> files;
      try (Stream<Path> listing = Files.list(directory)) {
        files = listing.filter(p -> p.toString().endsWith(".json")).sorted().collect(Collectors.toList());
      }
      for (Path file : files) {
        JsonNode cases = Json.parse(readWithoutBom(file));
        for (int i = 0; i < cases.size(); i++) {
          tests.add(caseTest(version, file.getFileName().toString(), i, cases.get(i), tally));
        }
      }
    }
    return tests.stream();
  }

  @AfterAll
  static void printTally() {
    StringBuilder report = new StringBuilder("DTDL conformance:");
    TALLIES.forEach((version, tally) -> report.append(' ').append(version).append(" passed=")
        .append(tally.passed).append(" failed=").append(tally.failed).append(" skipped=").append(tally.skipped)
        .append(';'));
    System.out.println(report);
  }

  private static DynamicTest caseTest(String version, String file, int index, JsonNode testCase, Tally tally) {
    boolean valid = testCase.get("valid").booleanValue();
    List<String> options = new ArrayList<>();
    testCase.path("options").forEach(option -> options.add(option.textValue()));
    String unsupported = options.stream().filter(o -> !o.equals(ALLOW) && !o.equals(DISALLOW)).findFirst()
        .orElse(null);
    String name = version + "/" + file + " #" + index + " " + (valid ? "valid" : "invalid")
        + (unsupported == null ? "" : " [skipped: option " + unsupported + " is not supported]");
    return DynamicTest.dynamicTest(name, () -> {
      try {
        Assumptions.assumeTrue(unsupported == null, "option " + unsupported + " is not supported");
        check(testCase, valid, options.contains(ALLOW));
        tally.passed.incrementAndGet();
      } catch (TestAbortedException e) {
        tally.skipped.incrementAndGet();
        throw e;
      } catch (AssertionError | RuntimeException e) {
        tally.failed.incrementAndGet();
        throw e;
      }
    });
  }

  private static void check(JsonNode testCase, boolean valid, boolean allowUndefinedExtensions) {
    List<JsonNode> documents = new ArrayList<>();
    testCase.get("input").forEach(documents::add);
    DtdlParser parser = DtdlParser.builder().allowUndefinedExtensions(allowUndefinedExtensions).build();
    if (valid) {
      try {
        assertThat(parser.parse(documents).size()).isPositive();
      } catch (DtdlException e) {
        fail("a valid case was rejected: " + e.getMessage());
      }
      return;
    }
    try {
      ModelSet models = parser.parse(documents);
      fail("an invalid case was accepted: " + models);
    } catch (DtdlException e) {
      for (JsonNode unresolved : testCase.path("expect").path("unresolvedIdentifiers")) {
        assertThat(e.errors()).as("unresolved references")
            .anyMatch(error -> error.code() == ModelError.Code.UNRESOLVED_REFERENCE
                && error.unresolvedReference().orElse("").equals(unresolved.textValue()));
      }
    }
  }

  private static Path casesRoot() {
    String configured = System.getProperty(DIRECTORY_PROPERTY);
    if (configured != null && !configured.isEmpty()) {
      return Paths.get(configured);
    }
    URL bundled = DtdlConformanceTest.class.getResource("/dtdl/conformance");
    assertThat(bundled).as("bundled conformance cases").isNotNull();
    try {
      return Paths.get(bundled.toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String readWithoutBom(Path file) {
    try {
      String text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
      return text.startsWith("\uFEFF") ? text.substring(1) : text;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
