package io.twinsdk.samples;

import java.util.List;
import java.util.Set;

/** One runnable sample: a sub-command of {@code twin-samples.jar}. */
abstract class Sample {

  /** What a sample connects to; in the embedded hub's absence each must be configured in the environment. */
  enum Need {
    /** A device identity: {@code IOTHUB_DEVICE_CONNECTION_STRING}. */
    DEVICE(Settings.DEVICE_CONNECTION_STRING),
    /** The IoT Hub service API: {@code IOTHUB_CONNECTION_STRING}. */
    SERVICE(Settings.IOTHUB_CONNECTION_STRING),
    /** A Digital Twins instance: {@code DIGITAL_TWINS_ENDPOINT} and the {@code AZURE_*} credentials. */
    DIGITAL_TWINS(Settings.DIGITAL_TWINS_ENDPOINT, Settings.TENANT_ID, Settings.CLIENT_ID, Settings.CLIENT_SECRET),
    /** For a bulk import on a remote instance, the blobs: {@code BULK_IMPORT_INPUT_BLOB_URI} and its output. */
    IMPORT_BLOBS(Settings.IMPORT_INPUT, Settings.IMPORT_OUTPUT);

    private final List<String> variables;

    Need(String... variables) {
      this.variables = List.of(variables);
    }

    /** The environment variables that, all set, meet this need on a remote hub. */
    List<String> variables() {
      return variables;
    }
  }

  private final String name;
  private final String arguments;
  private final String summary;
  private final Set<Need> needs;

  /**
   * Describes a sample.
   *
   * @param name the sub-command, such as {@code get-twin}
   * @param arguments the arguments it takes, for the help text; empty when none
   * @param summary one line saying what it shows
   * @param needs what it connects to
   */
  Sample(String name, String arguments, String summary, Set<Need> needs) {
    this.name = name;
    this.arguments = arguments;
    this.summary = summary;
    this.needs = Set.copyOf(needs);
  }

  /** The sub-command, such as {@code get-twin}. */
  final String name() {
    return name;
  }

  /** The arguments it takes, for the help text; empty when none. */
  final String arguments() {
    return arguments;
  }

  /** One line saying what it shows. */
  final String summary() {
    return summary;
  }

  /**
   * What it connects to when run with {@code args}; {@code all} runs it without arguments.
   *
   * @param args the arguments it is run with, not yet checked
   */
  Set<Need> needs(List<String> args) {
    return needs;
  }

  /**
   * Runs the sample to completion.
   *
   * @throws UsageException when {@code args} are wrong
   * @throws Exception when the sample fails; the message is shown to the user
   */
  abstract void run(SampleContext context, List<String> args) throws Exception;
}
