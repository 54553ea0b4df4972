package io.twinsdk.samples;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs the sample a command line names against the hubs the environment names: {@code [-v] <sample> [args]},
 * {@code all} or {@code help}.
 *
 * <p>Exit codes: 0 when the samples ran, 1 when one failed, 2 when the command line or a setting is wrong (one line
 * on the error stream, no stack trace).
 */
final class Launcher {

  static final String JAR = "java -jar twin-samples.jar";
  static final int OK = 0;
  static final int FAILED = 1;
  static final int USAGE = 2;

  private final Map<String, Sample> samples = new LinkedHashMap<>();

  Launcher(List<Sample> samples) {
    for (Sample sample : samples) {
      if (this.samples.put(sample.name(), sample) != null || sample.name().equals("all")
          || sample.name().equals("help")) {
        throw new IllegalArgumentException("Duplicate or reserved sample name " + sample.name());
      }
    }
  }

  /** The parsed command line. */
  record Command(boolean verbose, String sample, List<String> arguments) {

    /** True when the user asked for the list of samples. */
    boolean help() {
      return sample == null || sample.equals("help");
    }

    /** True when the user asked for every sample in turn. */
    boolean all() {
      return "all".equals(sample);
    }
  }

  /**
   * Splits {@code args} into options, the sample name and the sample's arguments.
   *
   * @throws UsageException for an unknown option
   */
  static Command parse(List<String> args) {
    boolean verbose = false;
    int i = 0;
    for (; i < args.size() && args.get(i).startsWith("-"); i++) {
      switch (args.get(i)) {
        case "-v", "--verbose" -> verbose = true;
        case "-h", "--help" -> {
          return new Command(verbose, null, List.of());
        }
        default -> throw new UsageException("unknown option " + args.get(i) + "; run '" + JAR + " help' for usage");
      }
    }
    if (i == args.size()) {
      return new Command(verbose, null, List.of());
    }
    return new Command(verbose, args.get(i), List.copyOf(args.subList(i + 1, args.size())));
  }

  /** Runs {@code command} and returns the exit code; everything the user sees goes to {@code out} and {@code err}. */
  int run(Command command, Map<String, String> environment, PrintStream out, PrintStream err) {
    if (command.help()) {
      out.print(usage());
      out.flush();
      return OK;
    }
    List<Sample> selected;
    try {
      selected = select(command);
    } catch (UsageException e) {
      return fail(err, e.getMessage());
    }
    Settings settings;
    List<Sample> runnable;
    try {
      settings = Settings.fromEnvironment(environment);
      runnable = settings.embedded() ? selected : runnable(settings, command, selected, out);
    } catch (SettingsException e) {
      return fail(err, e.getMessage());
    }
    Console console = new Console(out);
    boolean all = command.all();
    try (SampleContext context = new SampleContext(settings, console)) {
      for (Sample sample : runnable) {
        if (all) {
          console.println("=== " + sample.name() + " ===");
        }
        int code = runOne(sample, context, command.arguments(), command.verbose(), err);
        if (code != OK) {
          return code;
        }
        if (all) {
          console.println();
        }
      }
    } catch (RuntimeException e) {
      // Starting or stopping the embedded hub failed: not any one sample's fault.
      return failed(err, "the embedded hub", e, command.verbose());
    }
    return OK;
  }

  private static int runOne(Sample sample, SampleContext context, List<String> arguments, boolean verbose,
      PrintStream err) {
    try {
      sample.run(context, arguments);
      return OK;
    } catch (UsageException | SettingsException e) {
      return fail(err, e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return failed(err, sample.name(), e, verbose);
    } catch (Exception e) {
      return failed(err, sample.name(), e, verbose);
    }
  }

  private List<Sample> select(Command command) {
    if (command.all()) {
      if (!command.arguments().isEmpty()) {
        throw new UsageException("'all' takes no arguments; run '" + JAR + " help' for usage");
      }
      return new ArrayList<>(samples.values());
    }
    Sample sample = samples.get(command.sample());
    if (sample == null) {
      throw new UsageException("unknown sample '" + command.sample() + "'; run '" + JAR + " help' for the list");
    }
    return List.of(sample);
  }

  /**
   * The samples of {@code selected} that {@code settings} let run. A sample run by name must be able to run;
   * {@code all} runs those that can and prints a line on {@code out} for each that it skips, naming the variables it
   * needs.
   *
   * @throws SettingsException naming the first unmet setting of a sample run by name, or of {@code all} when none of
   *     its samples can run
   */
  private static List<Sample> runnable(Settings settings, Command command, List<Sample> selected, PrintStream out) {
    List<Sample> runnable = new ArrayList<>();
    List<String> skipped = new ArrayList<>();
    SettingsException firstUnmet = null;
    for (Sample sample : selected) {
      List<Sample.Need> unmet = sample.needs(command.arguments()).stream()
          .filter(need -> !configured(settings, need))
          .sorted()
          .toList();
      if (unmet.isEmpty()) {
        runnable.add(sample);
        continue;
      }
      if (firstUnmet == null) {
        firstUnmet = missing(unmet.get(0));
      }
      List<String> variables = unmet.stream().flatMap(need -> need.variables().stream()).toList();
      skipped.add("Skipping " + sample.name() + ": set " + and(variables) + " to run it");
    }
    if (firstUnmet != null && (runnable.isEmpty() || !command.all())) {
      throw firstUnmet;
    }
    skipped.forEach(out::println);
    if (!skipped.isEmpty()) {
      out.println();
    }
    return runnable;
  }

  private static boolean configured(Settings settings, Sample.Need need) {
    return switch (need) {
      case DEVICE -> settings.device().isPresent();
      case SERVICE -> settings.service().isPresent();
      case DIGITAL_TWINS -> settings.digitalTwins().isPresent();
      case IMPORT_BLOBS -> settings.importBlobs().isPresent();
    };
  }

  private static SettingsException missing(Sample.Need need) {
    return switch (need) {
      case DEVICE -> Settings.missingDevice();
      case SERVICE -> Settings.missingService();
      case DIGITAL_TWINS -> Settings.missingDigitalTwins();
      case IMPORT_BLOBS -> Settings.missingImportBlobs();
    };
  }

  /** {@code [a, b, c]} as {@code "a, b and c"}. */
  private static String and(List<String> words) {
    int last = words.size() - 1;
    return last == 0 ? words.get(0) : String.join(", ", words.subList(0, last)) + " and " + words.get(last);
  }

  /** The help text: usage, every sample with its arguments and summary, and the settings. */
  String usage() {
    StringBuilder text = new StringBuilder();
    text.append("Usage: ").append(JAR).append(" [-v] <sample> [arguments]\n\nSamples:\n");
    int width = samples.values().stream().mapToInt(s -> label(s).length()).max().orElse(0);
    width = Math.max(width, "help".length());
    for (Sample sample : samples.values()) {
      text.append(String.format("  %-" + width + "s  %s%n", label(sample), sample.summary()));
    }
    text.append(String.format("  %-" + width + "s  %s%n", "all", "runs every sample in turn"));
    text.append(String.format("  %-" + width + "s  %s%n", "help", "this list"));
    text.append("\nOptions:\n  -v  debug logs\n\n")
        .append("With no connection settings in the environment the samples start an embedded hub.\n")
        .append("To use your own hubs instead, set:\n");
    Settings.forms().forEach((variable, form) ->
        text.append("  ").append(variable).append('=').append(form).append('\n'));
    text.append("With your own hubs, 'all' runs the samples whose settings are set and names what the others need.\n");
    return text.toString();
  }

  private static String label(Sample sample) {
    return sample.arguments().isEmpty() ? sample.name() : sample.name() + " " + sample.arguments();
  }

  private static int fail(PrintStream err, String message) {
    err.println("twin-samples: " + message);
    err.flush();
    return USAGE;
  }

  private static int failed(PrintStream err, String what, Exception e, boolean verbose) {
    err.println("twin-samples: " + what + " failed: " + describe(e));
    if (verbose) {
      e.printStackTrace(err);
    }
    err.flush();
    return FAILED;
  }

  /** The exception's message, or its type when it has none, followed by its causes' messages. */
  static String describe(Throwable e) {
    StringBuilder text = new StringBuilder();
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      String message = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
      if (text.indexOf(message) < 0) {
        if (text.length() > 0) {
          text.append(": ");
        }
        text.append(message);
      }
    }
    return text.toString();
  }
}
