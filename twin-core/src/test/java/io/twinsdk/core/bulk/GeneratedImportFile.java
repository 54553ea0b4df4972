package io.twinsdk.core.bulk;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * An import file of a given number of lines, made up one line at a time as it is read, so that it is never held in
 * memory: a header, 10 models, then twins and relationships in equal numbers, each line about 115 bytes.
 */
final class GeneratedImportFile extends InputStream {

  static final int MODELS = 10;
  /** Header marker, header, Models marker, Twins marker, Relationships marker. */
  private static final int FIXED_LINES = 5 + MODELS;

  private final int lineCount;
  private final int twins;
  private int nextLine;
  private byte[] current = new byte[0];
  private int position;
  private long bytesServed;

  GeneratedImportFile(int lineCount) {
    if (lineCount < FIXED_LINES) {
      throw new IllegalArgumentException("lineCount must be at least " + FIXED_LINES);
    }
    this.lineCount = lineCount;
    this.twins = (lineCount - FIXED_LINES) / 2;
  }

  int twins() {
    return twins;
  }

  int relationships() {
    return lineCount - FIXED_LINES - twins;
  }

  long bytesServed() {
    return bytesServed;
  }

  @Override
  public int read() {
    if (!ensureLine()) {
      return -1;
    }
    bytesServed++;
    return current[position++] & 0xFF;
  }

  @Override
  public int read(byte[] target, int offset, int length) {
    if (length == 0) {
      return 0;
    }
    if (!ensureLine()) {
      return -1;
    }
    int count = Math.min(length, current.length - position);
    System.arraycopy(current, position, target, offset, count);
    position += count;
    bytesServed += count;
    return count;
  }

  private boolean ensureLine() {
    while (position == current.length) {
      if (nextLine == lineCount) {
        return false;
      }
      current = (line(nextLine++) + "\n").getBytes(StandardCharsets.UTF_8);
      position = 0;
    }
    return true;
  }

  private String line(int index) {
    if (index == 0) {
      return "{\"Section\": \"Header\"}";
    }
    if (index == 1) {
      return "{\"fileVersion\": \"1.0.0\", \"author\": \"generator\", \"organization\": \"contoso\"}";
    }
    if (index == 2) {
      return "{\"Section\": \"Models\"}";
    }
    if (index < 3 + MODELS) {
      return "{\"@id\":\"dtmi:example:Model" + index + ";1\",\"@type\":\"Interface\",\"contents\":[],"
          + "\"@context\":\"dtmi:dtdl:context;3\"}";
    }
    int firstTwin = 4 + MODELS;
    if (index == firstTwin - 1) {
      return "{\"Section\": \"Twins\"}";
    }
    if (index < firstTwin + twins) {
      int twin = index - firstTwin;
      return "{\"$dtId\":\"twin-" + twin + "\",\"$metadata\":{\"$model\":\"dtmi:example:Model3;1\"},"
          + "\"Temperature\":70.50,\"Name\":\"Room number " + twin + " on the first floor\"}";
    }
    if (index == firstTwin + twins) {
      return "{\"Section\": \"Relationships\"}";
    }
    int relationship = index - firstTwin - twins - 1;
    return "{\"$dtId\":\"twin-" + relationship + "\",\"$relationshipId\":\"r-" + relationship + "\","
        + "\"$targetId\":\"twin-" + (relationship + 1) + "\",\"$relationshipName\":\"adjacentTo\",\"weight\":0.25}";
  }
}
