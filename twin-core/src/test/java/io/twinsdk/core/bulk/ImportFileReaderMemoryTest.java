package io.twinsdk.core.bulk;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading an import file takes constant memory: a file several times larger than the heap reads to the end. */
class ImportFileReaderMemoryTest {

  private static final int LINES = 1_000_000;
  private static final long HEAP_BYTES = 32L * 1024 * 1024;

  @Test
  void millionLineFileIsReadInA32MegabyteHeap(@TempDir Path directory) throws Exception {
    Path report = directory.resolve("probe.txt");
    Process probe = new ProcessBuilder(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx32m", "-XX:+UseSerialGC",
        "-cp", System.getProperty("java.class.path"),
        ImportFileMemoryProbe.class.getName(), Integer.toString(LINES))
        .redirectErrorStream(true)
        .redirectOutput(report.toFile())
        .start();

    boolean finished = probe.waitFor(60, TimeUnit.SECONDS);
    if (!finished) {
      probe.destroyForcibly().waitFor();
    }
    String output = Files.readString(report, StandardCharsets.UTF_8);

    assertThat(finished).as("probe finished within 60 s: %s", output).isTrue();
    assertThat(probe.exitValue()).as("probe exit code; output: %s", output).isZero();
    GeneratedImportFile expected = new GeneratedImportFile(LINES);
    assertThat(output).contains("models=" + GeneratedImportFile.MODELS + " twins=" + expected.twins()
        + " relationships=" + expected.relationships() + " ");
    Matcher sizes = Pattern.compile("bytes=(\\d+) maxHeap=(\\d+)").matcher(output);
    assertThat(sizes.find()).as(output).isTrue();
    long bytes = Long.parseLong(sizes.group(1));
    long maxHeap = Long.parseLong(sizes.group(2));
    assertThat(maxHeap).isLessThanOrEqualTo(HEAP_BYTES);
    assertThat(bytes).as("file size").isGreaterThan(3 * HEAP_BYTES);
  }
}
