package io.twinsdk.core.bulk;

/**
 * Reads a generated import file of {@code args[0]} lines, binding every twin and relationship, and prints what it saw;
 * {@link ImportFileReaderMemoryTest} runs it in a JVM whose heap is far smaller than the file.
 */
final class ImportFileMemoryProbe {

  private ImportFileMemoryProbe() {}

  public static void main(String[] args) {
    GeneratedImportFile file = new GeneratedImportFile(Integer.parseInt(args[0]));
    long models = 0;
    long twins = 0;
    long relationships = 0;
    try (ImportFileReader reader = ImportFileReader.open(file)) {
      reader.header();
      while (reader.hasNext()) {
        ImportEntry entry = reader.next();
        switch (entry.section()) {
          case MODELS:
            models++;
            break;
          case TWINS:
            entry.toTwin();
            twins++;
            break;
          default:
            entry.toRelationship();
            relationships++;
            break;
        }
      }
    }
    System.out.println("models=" + models + " twins=" + twins + " relationships=" + relationships
        + " bytes=" + file.bytesServed() + " maxHeap=" + Runtime.getRuntime().maxMemory());
  }
}
