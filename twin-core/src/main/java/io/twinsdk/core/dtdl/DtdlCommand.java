package io.twinsdk.core.dtdl;

import java.util.Optional;

/**
 * A command is an operation that can be invoked on a digital twin. Azure Digital Twins refuses models that declare
 * commands; the parser accepts them so that the caller decides.
 */
public final class DtdlCommand extends DtdlContent {

  private final DtdlCommandPayload request;
  private final DtdlCommandPayload response;

  DtdlCommand(ElementInfo info, String name, Dtmi definedIn, DtdlCommandPayload request, DtdlCommandPayload response) {
    super(info, name, definedIn);
    this.request = request;
    this.response = response;
  }

  @Override
  public ContentKind kind() {
    return ContentKind.COMMAND;
  }

  /** Returns the input of the command, or empty when it takes none. */
  public Optional<DtdlCommandPayload> request() {
    return Optional.ofNullable(request);
  }

  /** Returns the output of the command, or empty when it returns none. */
  public Optional<DtdlCommandPayload> response() {
    return Optional.ofNullable(response);
  }
}
