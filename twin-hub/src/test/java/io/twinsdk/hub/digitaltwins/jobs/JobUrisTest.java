package io.twinsdk.hub.digitaltwins.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The output log's path is checked again when the job opens it, after links may have been swapped in. */
class JobUrisTest {

  @TempDir
  Path root;
  Path imports;
  Path outside;
  JobUris uris;

  @BeforeEach
  void directories() throws IOException {
    imports = Files.createDirectories(root.resolve("imports"));
    outside = Files.writeString(root.resolve("secret.txt"), "keep me");
    uris = new JobUris(imports);
  }

  private JobUris.Input input() throws IOException {
    return uris.input(Files.writeString(imports.resolve("in.ndjson"), "{}").toUri().toString());
  }

  @Test
  void outputLogReplacedByALinkAfterTheJobWasCreatedIsNotFollowed() throws IOException {
    JobUris.Output output = uris.output(imports.resolve("out.ndjson").toUri().toString());
    Files.createSymbolicLink(imports.resolve("out.ndjson"), outside);

    assertThatThrownBy(() -> uris.openOutput(output, input())).isInstanceOf(IOException.class);

    assertThat(Files.readString(outside)).isEqualTo("keep me");
  }

  @Test
  void outputLogWhoseFolderBecameALinkOutsideIsRefused() throws IOException {
    Files.createDirectories(imports.resolve("logs"));
    JobUris.Output output = uris.output(imports.resolve("logs/out.ndjson").toUri().toString());
    Files.delete(imports.resolve("logs"));
    Files.createSymbolicLink(imports.resolve("logs"), root);

    assertThatThrownBy(() -> uris.openOutput(output, input())).isInstanceOf(IOException.class)
        .hasMessageContaining("outside the import directory");

    assertThat(root.resolve("out.ndjson")).doesNotExist();
  }

  @Test
  void inputLinkedToTheOutputLogAfterTheJobWasCreatedIsNotTruncated() throws IOException {
    JobUris.Input input = input();
    Path log = Files.writeString(imports.resolve("out.ndjson"), "the user's data");
    JobUris.Output output = uris.output(log.toUri().toString());
    Files.delete(imports.resolve("in.ndjson"));
    Files.createSymbolicLink(imports.resolve("in.ndjson"), log);

    assertThatThrownBy(() -> uris.openOutput(output, input)).isInstanceOf(IOException.class)
        .hasMessageContaining("is the input file");

    assertThat(Files.readString(log)).isEqualTo("the user's data");
  }

  @Test
  void outputLogInsideTheImportDirectoryIsCreatedAndTruncated() throws IOException {
    Path log = Files.writeString(imports.resolve("out.ndjson"), "an older run's log");
    JobUris.Output output = uris.output(log.toUri().toString());

    try (var writer = uris.openOutput(output, input())) {
      writer.write("new");
    }

    assertThat(Files.readString(log)).isEqualTo("new");
  }
}
