package io.twinsdk.core.dtdl;

/** A component includes another Interface by value; its contents appear under the component's name in a twin. */
public final class DtdlComponent extends DtdlContent {

  private final DtdlInterface schema;

  DtdlComponent(ElementInfo info, String name, Dtmi definedIn, DtdlInterface schema) {
    super(info, name, definedIn);
    this.schema = schema;
  }

  @Override
  public ContentKind kind() {
    return ContentKind.COMPONENT;
  }

  /** Returns the Interface that describes the component's contents. */
  public DtdlInterface schema() {
    return schema;
  }
}
