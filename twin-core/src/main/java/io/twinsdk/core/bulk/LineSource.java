package io.twinsdk.core.bulk;

import java.io.Closeable;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;

/**
 * Splits text into lines without holding more than one line: lines end at {@code \n}, a {@code \r} before it is
 * dropped, a byte-order mark at the very start is skipped, and a line longer than the limit is a format error.
 */
final class LineSource implements Closeable {

  private static final char BYTE_ORDER_MARK = '\uFEFF';

  private final Reader in;
  private final int maxLength;
  private final char[] buffer = new char[8192];
  private final StringBuilder line = new StringBuilder();
  private int position;
  private int limit;
  private boolean atStart = true;
  private long lineNumber;

  LineSource(Reader in, int maxLength) {
    this.in = in;
    this.maxLength = maxLength;
  }

  /** Returns the number of the line {@link #next} returned last, counting from 1; 0 before the first. */
  long lineNumber() {
    return lineNumber;
  }

  /**
   * Returns the next line without its line ending, or {@code null} at the end of the input.
   *
   * @throws ImportFormatException if the line is too long or is not valid UTF-8
   */
  String next() throws IOException {
    line.setLength(0);
    boolean started = false;
    while (true) {
      if (position == limit && !fill()) {
        return started ? finishLine() : null;
      }
      started = true;
      int start = position;
      while (position < limit && buffer[position] != '\n') {
        position++;
      }
      if (line.length() + (position - start) > maxLength) {
        throw new ImportFormatException(lineNumber + 1, "the line is longer than " + maxLength + " characters");
      }
      line.append(buffer, start, position - start);
      if (position < limit) {
        position++;
        return finishLine();
      }
    }
  }

  private boolean fill() throws IOException {
    int read;
    try {
      read = in.read(buffer, 0, buffer.length);
    } catch (CharacterCodingException e) {
      throw new ImportFormatException(lineNumber + 1, "the line is not valid UTF-8", e);
    }
    if (read < 0) {
      return false;
    }
    position = 0;
    limit = read;
    if (atStart && read > 0) {
      atStart = false;
      if (buffer[0] == BYTE_ORDER_MARK) {
        position = 1;
      }
    }
    return true;
  }

  private String finishLine() {
    lineNumber++;
    int length = line.length();
    if (length > 0 && line.charAt(length - 1) == '\r') {
      line.setLength(length - 1);
    }
    return line.toString();
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}
