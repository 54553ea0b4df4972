package io.twinsdk.core.bulk;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * A UTF-8 decoder that reports malformed input only after it has delivered every character before it.
 *
 * <p>{@code InputStreamReader} drops the characters it decoded in the same call as the error, so a line reader on top
 * of it would blame the wrong line; this one lets the import reader name the exact line of a bad byte.
 */
final class StrictUtf8Reader extends Reader {

  private final InputStream in;
  private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
      .onMalformedInput(CodingErrorAction.REPORT)
      .onUnmappableCharacter(CodingErrorAction.REPORT);
  private final ByteBuffer bytes = ByteBuffer.allocate(8192).flip();
  private boolean endOfInput;
  private CoderResult error;

  StrictUtf8Reader(InputStream in) {
    this.in = in;
  }

  @Override
  public int read(char[] target, int offset, int length) throws IOException {
    if (length == 0) {
      return 0;
    }
    CharBuffer out = CharBuffer.wrap(target, offset, length);
    while (out.position() == offset) {
      if (error != null) {
        error.throwException();
      }
      CoderResult result = decoder.decode(bytes, out, endOfInput);
      if (result.isError()) {
        error = result;
      } else if (result.isUnderflow() && out.position() == offset) {
        if (endOfInput) {
          return -1;
        }
        fill();
      }
    }
    return out.position() - offset;
  }

  private void fill() throws IOException {
    bytes.compact();
    int read = in.read(bytes.array(), bytes.arrayOffset() + bytes.position(), bytes.remaining());
    if (read < 0) {
      endOfInput = true;
    } else {
      bytes.position(bytes.position() + read);
    }
    bytes.flip();
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}
