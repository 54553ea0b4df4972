package io.twinsdk.samples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * README.md's code snippets are copied from the samples: each {@code <!-- snippet: path#name -->} marker is followed
 * by a Java block equal to the lines between {@code // [START name]} and {@code // [END name]} in that file, and every
 * such region appears in the README.
 */
class ReadmeSnippetsTest {

  private static final Path ROOT = Path.of("..");
  private static final Path SOURCES = Path.of("src", "main", "java", "io", "twinsdk", "samples");
  private static final Pattern SNIPPET =
      Pattern.compile("<!-- snippet: ([^#\\s]+)#([\\w-]+) -->\\n```java\\n(.*?)\\n```", Pattern.DOTALL);
  private static final Pattern START = Pattern.compile("^\\s*// \\[START ([\\w-]+)]$", Pattern.MULTILINE);

  private record Snippet(String file, String name, String text) {}

  private static List<Snippet> readmeSnippets() throws IOException {
    Matcher matcher = SNIPPET.matcher(Files.readString(ROOT.resolve("README.md")));
    List<Snippet> snippets = new ArrayList<>();
    while (matcher.find()) {
      snippets.add(new Snippet(matcher.group(1), matcher.group(2), matcher.group(3)));
    }
    return snippets;
  }

  /** The region's lines without the indentation they share. */
  private static String region(Path file, String name) throws IOException {
    List<String> lines = Files.readAllLines(file);
    int start = lines.indexOf(lines.stream().filter(l -> l.strip().equals("// [START " + name + "]")).findFirst()
        .orElseThrow(() -> new AssertionError("no [START " + name + "] in " + file)));
    int end = lines.indexOf(lines.stream().filter(l -> l.strip().equals("// [END " + name + "]")).findFirst()
        .orElseThrow(() -> new AssertionError("no [END " + name + "] in " + file)));
    List<String> body = lines.subList(start + 1, end);
    int indent = body.stream().filter(l -> !l.isBlank()).mapToInt(l -> l.length() - l.stripLeading().length())
        .min().orElse(0);
    return String.join("\n", body.stream().map(l -> l.isBlank() ? "" : l.substring(indent)).toList());
  }

  @Test
  void everyReadmeSnippetMatchesItsSource() throws IOException {
    List<Snippet> snippets = readmeSnippets();

    assertThat(snippets).isNotEmpty();
    for (Snippet snippet : snippets) {
      assertThat(snippet.text()).as("README snippet %s#%s", snippet.file(), snippet.name())
          .isEqualTo(region(ROOT.resolve(snippet.file()), snippet.name()));
    }
  }

  @Test
  void everyMarkedRegionIsInTheReadme() throws IOException {
    List<String> inReadme = readmeSnippets().stream()
        .map(s -> Path.of(s.file()).getFileName() + "#" + s.name()).toList();
    List<String> marked = new ArrayList<>();
    try (Stream<Path> files = Files.list(SOURCES)) {
      for (Path file : files.sorted().toList()) {
        Matcher matcher = START.matcher(Files.readString(file));
        while (matcher.find()) {
          marked.add(file.getFileName() + "#" + matcher.group(1));
        }
      }
    }

    assertThat(inReadme).containsExactlyInAnyOrderElementsOf(marked);
  }
}
