package io.twinsdk.samples;

import java.io.PrintStream;
import java.util.Objects;

/**
 * Where a sample prints; a labelled console prefixes every line with {@code [device]} or {@code [service]} so that
 * the two halves of a sample stay apart when they share one terminal.
 *
 * <p>Safe to use from any thread: client callbacks print from the client's own threads, and each line is written
 * whole.
 */
public final class Console {

  private final PrintStream out;
  private final String prefix;

  Console(PrintStream out) {
    this(out, "");
  }

  private Console(PrintStream out, String prefix) {
    this.out = Objects.requireNonNull(out, "out");
    this.prefix = prefix;
  }

  /** A console whose lines start with {@code [device] }. */
  public Console device() {
    return new Console(out, "[device] ");
  }

  /** A console whose lines start with {@code [service] }. */
  public Console service() {
    return new Console(out, "[service] ");
  }

  /** Prints one line (several, when {@code line} holds line breaks, each with the label). */
  public void println(String line) {
    synchronized (out) {
      for (String part : line.split("\n", -1)) {
        out.println(part.isEmpty() ? prefix.stripTrailing() : prefix + part);
      }
      out.flush();
    }
  }

  /** Prints a blank line, as the original samples do between steps. */
  public void println() {
    println("");
  }
}
