package io.twinsdk.core.dtdl;

/**
 * A content is a named member of an Interface: a {@link DtdlProperty}, {@link DtdlTelemetry}, {@link DtdlCommand},
 * {@link DtdlRelationship} or {@link DtdlComponent}.
 */
public abstract class DtdlContent extends DtdlElement {

  private final String name;
  private final Dtmi definedIn;

  DtdlContent(ElementInfo info, String name, Dtmi definedIn) {
    super(info);
    this.name = name;
    this.definedIn = definedIn;
  }

  /** Returns the programming name, unique among the contents of an Interface including inherited ones. */
  public String name() {
    return name;
  }

  /** Returns the DTDL class of this content. */
  public abstract ContentKind kind();

  /** Returns the identifier of the Interface that declares this content (which an extending Interface inherits). */
  public Dtmi definedIn() {
    return definedIn;
  }

  @Override
  public String toString() {
    return kind().term() + " " + name;
  }
}
