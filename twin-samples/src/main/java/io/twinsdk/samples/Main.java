package io.twinsdk.samples;

import java.util.Arrays;
import java.util.List;

/**
 * The samples' command line: {@code java -jar twin-samples.jar [-v] <sample> [arguments]}; {@code help} lists the
 * samples and {@code all} runs every one in turn.
 */
public final class Main {

  private Main() {}

  /** Runs the sample the arguments name and exits with the {@link Launcher}'s exit code. */
  public static void main(String[] args) {
    Launcher.Command command;
    try {
      command = Launcher.parse(Arrays.asList(args));
    } catch (UsageException e) {
      System.err.println("twin-samples: " + e.getMessage());
      System.exit(Launcher.USAGE);
      return;
    }
    configureLogging(command.verbose());
    int code = new Launcher(catalog()).run(command, System.getenv(), System.out, System.err);
    System.exit(code);
  }

  /** Every sample, in the order {@code all} runs them. */
  static List<Sample> catalog() {
    return List.of(new GetTwin(), new ReceiveDesiredProperties(), new UpdateReportedProperties(), new AllTogether(),
        new UpdateDesiredProperties(), new ManageTwins(), new BulkImport(), new DeleteAll());
  }

  private static void configureLogging(boolean verbose) {
    // Set before the first logger exists; a -D on the command line still wins.
    if (System.getProperty("org.slf4j.simpleLogger.defaultLogLevel") == null) {
      System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", verbose ? "debug" : "warn");
    }
  }
}
