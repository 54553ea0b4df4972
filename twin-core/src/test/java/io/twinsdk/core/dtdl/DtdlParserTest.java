package io.twinsdk.core.dtdl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class DtdlParserTest {

  private static final Dtmi THERMOSTAT = Dtmi.parse("dtmi:com:example:Thermostat;1");

  private static ModelSet parse(String json) {
    return DtdlParser.create().parse(json);
  }

  private static List<ModelError> reject(String json) {
    DtdlException e = catchThrowableOfType(DtdlException.class, () -> DtdlParser.create().parse(json));
    assertThat(e).as("expected the model to be rejected").isNotNull();
    return e.errors();
  }

  private static String v3(String members) {
    return "{\"@context\": \"dtmi:dtdl:context;3\", \"@id\": \"dtmi:com:example:Thermostat;1\","
        + " \"@type\": \"Interface\"" + (members.isEmpty() ? "" : ", " + members) + "}";
  }

  private static String v2(String members) {
    return v3(members).replace("context;3", "context;2");
  }

  @Test
  void parsesTheThermostatExample() {
    ModelSet models = parse("""
        {
          "@context": "dtmi:dtdl:context;3",
          "@id": "dtmi:com:example:Thermostat;1",
          "@type": "Interface",
          "displayName": "Thermostat",
          "contents": [
            {"@type": "Telemetry", "name": "temp", "schema": "double"},
            {"@type": "Property", "name": "setPointTemp", "writable": true, "schema": "double"}
          ]
        }""");

    DtdlInterface thermostat = models.get(THERMOSTAT).orElseThrow();
    assertThat(thermostat.dtdlVersion()).isEqualTo(3);
    assertThat(thermostat.displayName()).containsExactly(java.util.Map.entry("en", "Thermostat"));
    assertThat(thermostat.contents()).extracting(DtdlContent::name).containsExactly("temp", "setPointTemp");
    DtdlProperty setPoint = (DtdlProperty) thermostat.content("setPointTemp").orElseThrow();
    assertThat(setPoint.schema()).isSameAs(PrimitiveSchema.DOUBLE);
    assertThat(setPoint.writable()).isTrue();
    assertThat(setPoint.definedIn()).isEqualTo(THERMOSTAT);
    assertThat(thermostat.content("temp").orElseThrow().kind()).isEqualTo(ContentKind.TELEMETRY);
  }

  @Test
  void anArrayDocumentDefinesSeveralInterfacesAndLaterOnesInheritTheContext() {
    ModelSet models = parse("""
        [{"@context": "dtmi:dtdl:context;3", "@id": "dtmi:ex:A;1", "@type": "Interface"},
         {"@id": "dtmi:ex:B;1", "@type": "Interface", "extends": "dtmi:ex:A;1"}]""");

    assertThat(models.ids()).containsExactly(Dtmi.parse("dtmi:ex:A;1"), Dtmi.parse("dtmi:ex:B;1"));
  }

  @Test
  void aTopLevelInterfaceNeedsAContext() {
    List<ModelError> errors = reject("{\"@id\": \"dtmi:ex:A;1\", \"@type\": \"Interface\"}");

    assertThat(errors).singleElement().satisfies(error -> {
      assertThat(error.pointer()).isEmpty();
      assertThat(error.modelId()).contains("dtmi:ex:A;1");
      assertThat(error.message()).contains("\"@context\": \"dtmi:dtdl:context;3\"");
    });
  }

  @Test
  void unsupportedDtdlVersionsAreRejected() {
    assertThat(reject(v3("\"contents\": []").replace("context;3", "context;4")))
        .singleElement().extracting(ModelError::message, org.assertj.core.api.InstanceOfAssertFactories.STRING)
        .contains("dtmi:dtdl:context;4 is not a supported DTDL version");
  }

  @Test
  void errorsCarryTheDocumentPointerAndModel() {
    List<ModelError> errors = reject(v3("""
        "contents": [{"@type": "Property", "name": "ok", "schema": "double"},
                     {"@type": "Property", "name": "23skidoo", "schema": "double"}]"""));

    assertThat(errors).singleElement().satisfies(error -> {
      assertThat(error.code()).isEqualTo(ModelError.Code.INVALID);
      assertThat(error.document()).isZero();
      assertThat(error.pointer()).isEqualTo("/contents/1/name");
      assertThat(error.modelId()).contains("dtmi:com:example:Thermostat;1");
      assertThat(error.message()).contains("\"23skidoo\" is not a valid name");
      assertThat(error.toString()).startsWith("dtmi:com:example:Thermostat;1 /contents/1/name: ");
    });
  }

  @Test
  void allErrorsOfADocumentAreReportedTogether() {
    DtdlException e = catchThrowableOfType(DtdlException.class, () -> parse(v3("""
        "contents": [{"@type": "Property", "name": "a-b", "schema": "double"},
                     {"@type": "Telemetry", "name": "c", "schema": "decimal"}]""")));

    assertThat(e.errors()).extracting(ModelError::pointer).containsExactly("/contents/0/name", "/contents/1/schema");
    assertThat(e.getMessage()).startsWith("Invalid DTDL (2 errors): ");
  }

  @Test
  void namesAreLimitedTo64CharactersInV2And512InV3() {
    String name64 = "a".repeat(64);
    String name65 = "a".repeat(65);
    String content = "\"contents\": {\"@type\": \"Property\", \"name\": \"%s\", \"schema\": \"string\"}";

    assertThat(parse(v2(content.formatted(name64))).size()).isEqualTo(1);
    assertThat(reject(v2(content.formatted(name65)))).singleElement()
        .satisfies(error -> assertThat(error.message()).contains("65 characters long; DTDL v2 allows at most 64"));
    assertThat(parse(v3(content.formatted("a".repeat(512)))).size()).isEqualTo(1);
    assertThat(reject(v3(content.formatted("a".repeat(513))))).hasSize(1);
  }

  @Test
  void displayNameIsLimitedTo64CharactersInV2() {
    assertThat(reject(v2("\"displayName\": \"" + "x".repeat(65) + "\""))).singleElement()
        .satisfies(error -> assertThat(error.pointer()).isEqualTo("/displayName"));
    assertThat(parse(v3("\"displayName\": \"" + "x".repeat(512) + "\"")).size()).isEqualTo(1);
  }

  @Test
  void localizedTextsBecomeLanguageMaps() {
    ModelSet models = parse(v3("""
        "displayName": {"en": "Thermostat", "it": "Termostato"},
        "description": [{"@value": "Regelt", "@language": "de"}, "Controls"]"""));

    DtdlInterface thermostat = models.get(THERMOSTAT).orElseThrow();
    assertThat(thermostat.displayName()).containsExactly(java.util.Map.entry("en", "Thermostat"),
        java.util.Map.entry("it", "Termostato"));
    assertThat(thermostat.description()).containsEntry("de", "Regelt").containsEntry("en", "Controls");
  }

  @Test
  void languageCodesMustBeWellFormedAndUnique() {
    assertThat(parse(v3("\"displayName\": {\"en-US\": \"a\", \"zh-Hant\": \"b\", \"sr-Latn-RS\": \"c\"}")).size())
        .isEqualTo(1);
    assertThat(reject(v3("\"displayName\": {\"English\": \"x\"}"))).singleElement()
        .satisfies(error -> assertThat(error.message()).contains("\"English\", which is not a language code"));
    assertThat(reject(v3("\"displayName\": [\"hello\", {\"@value\": \"hi\", \"@language\": \"en\"}]")))
        .singleElement().satisfies(error -> assertThat(error.message())
            .contains("more than one text for language \"en\""));
  }

  @Test
  void valueObjectsMustBeTypedConsistentlyAndV3AllowsNoOtherKeywords() {
    assertThat(parse(v3("""
        "comment": {"@value": "c", "@type": "xsd:string"},
        "contents": {"@type": "Relationship", "name": {"@value": "r"},
                     "maxMultiplicity": {"@value": 3, "@type": "http://www.w3.org/2001/XMLSchema#integer"},
                     "writable": {"@value": true, "@type": "xsd:boolean"}}""")).size()).isEqualTo(1);
    assertThat(reject(v3("\"comment\": {\"@value\": \"c\", \"@type\": \"xsd:integer\"}"))).singleElement()
        .satisfies(error -> assertThat(error.message()).contains("may only be typed \"xsd:string\""));
    assertThat(reject(v3("\"comment\": {\"@value\": \"c\", \"@language\": \"en\"}"))).singleElement()
        .satisfies(error -> assertThat(error.message()).contains("only \"@value\" and \"@type\""));
    assertThat(parse(v2("\"comment\": {\"@value\": \"c\", \"@language\": \"en\"}")).size()).isEqualTo(1);
  }

  @Test
  void termsAndIrisNameTheSameProperty() {
    ModelSet models = parse(v3("""
        "dtmi:dtdl:property:contents;3": [{"@type": "dtmi:dtdl:class:Property;3",
          "dtmi:dtdl:property:name;3": "p", "schema": "dtmi:dtdl:instance:Schema:long;3"}]"""));

    assertThat(((DtdlProperty) models.get(THERMOSTAT).orElseThrow().content("p").orElseThrow()).schema())
        .isSameAs(PrimitiveSchema.LONG);
    assertThat(reject(v3("\"comment\": \"a\", \"dtmi:dtdl:property:comment;3\": \"b\""))).singleElement()
        .satisfies(error -> assertThat(error.message()).contains("given twice"));
  }

  @Test
  void contentNamesMustBeUniqueWithinAnInterface() {
    List<ModelError> errors = reject(v3("""
        "contents": [{"@type": "Property", "name": "x", "schema": "double"},
                     {"@type": "Telemetry", "name": "x", "schema": "double"}]"""));

    assertThat(errors).singleElement().satisfies(error -> {
      assertThat(error.pointer()).isEqualTo("/contents/1/name");
      assertThat(error.message()).contains("used by more than one content");
    });
  }

  @Test
  void anExtendingInterfaceCannotRedefineAnInheritedName() {
    List<ModelError> errors = reject("""
        [{"@context": "dtmi:dtdl:context;3", "@id": "dtmi:ex:Room;1", "@type": "Interface",
          "contents": [{"@type": "Property", "name": "occupied", "schema": "boolean"}]},
         {"@context": "dtmi:dtdl:context;3", "@id": "dtmi:ex:ConferenceRoom;1", "@type": "Interface",
          "extends": "dtmi:ex:Room;1",
          "contents": [{"@type": "Property", "name": "occupied", "schema": "boolean"}]}]""");

    assertThat(errors).singleElement().satisfies(error -> {
      assertThat(error.modelId()).contains("dtmi:ex:ConferenceRoom;1");
      assertThat(error.pointer()).isEqualTo("/1/contents/0/name");
      assertThat(error.message()).contains("redefines a content inherited from dtmi:ex:Room;1");
    });
  }

  @Test
  void twoBasesMayNotContributeDifferentContentsOfTheSameName() {
    assertThat(reject("""
        [{"@context": "dtmi:dtdl:context;3", "@id": "dtmi:ex:A;1", "@type": "Interface",
          "contents": [{"@type": "Property", "name": "x", "schema": "double"}]},
         {"@context": "dtmi:dtdl:context;3", "@id": "dtmi:ex:B;1", "@type": "Interface",
          "contents": [{"@type": "Property", "name": "x", "schema": "double"}]},
         {"@context": "dtmi:dtdl:context;3", "@id": "dtmi:ex:C;1", "@type": "Interface",
          "extends": ["dtmi:ex:A;1", "dtmi:ex:B;1"]}]""")).singleElement()
        .satisfies(error -> assertThat(error.message()).contains("inherits two contents named \"x\""));
  }

  @Test
  void aDiamondInheritsTheSharedContentOnce() {
    ModelSet models = parse("""
        [{"@context": "dtmi:dtdl:context;3", "@id": "dtmi:ex:Base;1", "@type": "Interface",
          "contents": [{"@type": "Property", "name": "x", "schema": "double"}]},
         {"@context": "dtmi:dtdl:context;3", "@id": "dtmi:ex:A;1", "@type": "Interface", "extends": "dtmi:ex:Base;1"},
         {"@context": "dtmi:dtdl:context;3", "@id": "dtmi:ex:B;1", "@type": "Interface", "extends": "dtmi:ex:Base;1"},
         {"@context": "dtmi:dtdl:context;3", "@id": "dtmi:ex:C;1", "@type": "Interface",
          "extends": ["dtmi:ex:A;1", "dtmi:ex:B;1"]}]""");

    assertThat(models.get(Dtmi.parse("dtmi:ex:C;1")).orElseThrow().effectiveContents()).containsOnlyKeys("x");
  }

  @Test
  void v2AllowsAtMostTwoDirectBases() {
    assertThat(reject(v2("\"extends\": [\"dtmi:ex:A;1\", \"dtmi:ex:B;1\", \"dtmi:ex:C;1\"]"))).singleElement()
        .satisfies(error -> assertThat(error.message()).contains("has 3 values; DTDL v2 allows at most 2"));
  }

  @Test
  void v2AllowsAtMost300ContentsIncludingInherited() {
    String contents = IntStream.range(0, 301)
        .mapToObj(i -> "{\"@type\": \"Property\", \"name\": \"p" + i + "\", \"schema\": \"double\"}")
        .collect(Collectors.joining(",", "\"contents\": [", "]"));

    assertThat(reject(v2(contents))).singleElement()
        .satisfies(error -> assertThat(error.message()).contains("has 301 values; DTDL v2 allows at most 300"));
    assertThat(parse(v3(contents)).size()).isEqualTo(1);
  }

  @Test
  void extendsCyclesAreRejected() {
    assertThat(reject("""
        [{"@context": "dtmi:dtdl:context;3", "@id": "dtmi:ex:A;1", "@type": "Interface", "extends": "dtmi:ex:B;1"},
         {"@context": "dtmi:dtdl:context;3", "@id": "dtmi:ex:B;1", "@type": "Interface", "extends": "dtmi:ex:A;1"}]
        """)).anySatisfy(error -> assertThat(error.message()).contains("extends or contains itself"));
  }

  @Test
  void extendsIsLimitedToTenLevels() {
    StringBuilder chain = new StringBuilder("[");
    for (int i = 0; i <= 11; i++) {
      chain.append(i == 0 ? "" : ",").append("{\"@context\": \"dtmi:dtdl:context;3\", \"@id\": \"dtmi:ex:L")
          .append(i).append(";1\", \"@type\": \"Interface\"")
          .append(i == 0 ? "" : ", \"extends\": \"dtmi:ex:L" + (i - 1) + ";1\"").append('}');
    }
    String eleven = chain + "]";

    assertThat(reject(eleven)).singleElement().satisfies(error -> {
      assertThat(error.modelId()).contains("dtmi:ex:L11;1");
      assertThat(error.message()).contains("11 levels deep; DTDL allows at most 10");
    });
  }

  @Test
  void relationshipMultiplicitiesAreChecked() {
    String relationship = "\"contents\": {\"@type\": \"Relationship\", \"name\": \"r\", %s}";

    assertThat(reject(v3(relationship.formatted("\"minMultiplicity\": 1")))).singleElement()
        .satisfies(error -> assertThat(error.message()).contains("\"minMultiplicity\" must be 0"));
    assertThat(reject(v3(relationship.formatted("\"maxMultiplicity\": 0")))).singleElement()
        .satisfies(error -> assertThat(error.message()).contains("\"maxMultiplicity\" must be at least 1"));
    assertThat(reject(v2(relationship.formatted("\"maxMultiplicity\": 501")))).singleElement()
        .satisfies(error -> assertThat(error.message()).contains("at most 500 in DTDL v2"));
    DtdlRelationship r = (DtdlRelationship) parse(v3(relationship.formatted("\"maxMultiplicity\": 501")))
        .get(THERMOSTAT).orElseThrow().content("r").orElseThrow();
    assertThat(r.maxMultiplicity()).hasValue(501);
    assertThat(r.minMultiplicity()).isZero();
    assertThat(r.target()).isEmpty();
  }

  @Test
  void relationshipPropertyNamesMustBeUnique() {
    assertThat(reject(v3("""
        "contents": {"@type": "Relationship", "name": "r", "properties": [
          {"@type": "Property", "name": "p", "schema": "double"},
          {"@type": "Property", "name": "p", "schema": "string"}]}""")))
        .singleElement().satisfies(error -> {
          assertThat(error.pointer()).isEqualTo("/contents/properties/1/name");
          assertThat(error.message()).contains("more than one property of Relationship \"r\"");
        });
  }

  @Test
  void componentsCannotBeNested() {
    List<ModelError> errors = reject("""
        [{"@context": "dtmi:dtdl:context;3", "@id": "dtmi:ex:Inner;1", "@type": "Interface"},
         {"@context": "dtmi:dtdl:context;3", "@id": "dtmi:ex:Middle;1", "@type": "Interface",
          "contents": {"@type": "Component", "name": "inner", "schema": "dtmi:ex:Inner;1"}},
         {"@context": "dtmi:dtdl:context;3", "@id": "dtmi:ex:Outer;1", "@type": "Interface",
          "contents": {"@type": "Component", "name": "middle", "schema": "dtmi:ex:Middle;1"}}]""");

    assertThat(errors).singleElement().satisfies(error -> {
      assertThat(error.pointer()).isEqualTo("/2/contents/schema");
      assertThat(error.message()).contains("Components cannot be nested");
    });
  }

  @Test
  void aComponentSchemaMustBeAnInterface() {
    assertThat(reject(v3("""
        "contents": {"@type": "Component", "name": "c", "schema": "dtmi:ex:obj;1"},
        "schemas": {"@id": "dtmi:ex:obj;1", "@type": "Object", "fields": []}""")))
        .singleElement().satisfies(error -> assertThat(error.message())
            .isEqualTo("dtmi:ex:obj;1 is an Object, but an Interface is expected here"));
  }

  @Test
  void v2PropertiesCannotHoldArraysEvenThroughReferencedSchemas() {
    List<ModelError> errors = reject(v2("""
        "contents": [{"@type": "Property", "name": "p", "schema": "dtmi:ex:wrapper;1"},
                     {"@type": "Property", "name": "where", "schema": "point"},
                     {"@type": "Telemetry", "name": "t", "schema": {"@type": "Array", "elementSchema": "double"}}],
        "schemas": {"@id": "dtmi:ex:wrapper;1", "@type": "Object",
                    "fields": [{"name": "list", "schema": {"@type": "Array", "elementSchema": "double"}}]}"""));

    assertThat(errors).extracting(ModelError::pointer).containsExactly("/contents/0/schema", "/contents/1/schema");
    assertThat(parse(v3("""
        "contents": {"@type": "Property", "name": "where", "schema": "point"}""")).size()).isEqualTo(1);
  }

  @Test
  void semanticTypesNeedAMatchingUnitAndANumericSchema() {
    String telemetry = "\"contents\": {\"@type\": [\"Telemetry\", \"Temperature\"], \"name\": \"t\", %s}";

    assertThat(parse(v2(telemetry.formatted("\"schema\": \"double\", \"unit\": \"degreeCelsius\""))).size())
        .isEqualTo(1);
    assertThat(reject(v2(telemetry.formatted("\"schema\": \"double\"")))).singleElement()
        .satisfies(error -> assertThat(error.message()).contains("with semantic type Temperature requires \"unit\""));
    assertThat(reject(v2(telemetry.formatted("\"schema\": \"double\", \"unit\": \"metre\"")))).singleElement()
        .satisfies(error -> assertThat(error.message()).contains("\"metre\" is not a TemperatureUnit"));
    assertThat(reject(v2(telemetry.formatted("\"schema\": \"string\", \"unit\": \"kelvin\"")))).singleElement()
        .satisfies(error -> assertThat(error.message()).contains("needs a numeric schema"));
    assertThat(reject(v2("\"contents\": {\"@type\": \"Telemetry\", \"name\": \"t\", \"schema\": \"double\","
        + " \"unit\": \"kelvin\"}"))).singleElement()
        .satisfies(error -> assertThat(error.message()).contains("\"unit\" is not a property"));
    assertThat(reject(v2("\"contents\": {\"@type\": [\"Telemetry\", \"Temperature\", \"Length\"], \"name\": \"t\","
        + " \"schema\": \"double\", \"unit\": \"kelvin\"}"))).extracting(ModelError::message)
        .contains("\"@type\" names two semantic types, Temperature and Length; at most one is allowed");
  }

  @Test
  void undefinedCoTypesAreOpenWorldInV2AndNeedAnExtensionInV3() {
    String property = "\"contents\": {\"@type\": [\"Property\", \"Commercial\"], \"name\": \"p\","
        + " \"schema\": \"double\", \"brand\": \"Honeywell\"}";

    assertThat(parse(v2(property)).size()).isEqualTo(1);
    assertThat(reject(v3(property))).extracting(ModelError::message).containsExactly(
        "co-type \"Commercial\" is not defined by DTDL v3 nor by an extension in \"@context\"",
        "\"brand\" is not a property of a DTDL v3 Property");
    assertThat(reject(v2("\"contents\": {\"@type\": \"Property\", \"name\": \"p\", \"schema\": \"double\","
        + " \"brand\": \"Honeywell\"}"))).singleElement()
        .satisfies(error -> assertThat(error.message()).contains("\"brand\" is not a property"));
  }

  @Test
  void reservedTermsAreNotUndefinedCoTypes() {
    String property = "\"contents\": {\"@type\": [\"Property\", \"%s\"], \"name\": \"p\", \"schema\": \"double\"}";

    assertThat(reject(v2(property.formatted("kelvin")))).singleElement()
        .satisfies(error -> assertThat(error.message()).isEqualTo("\"kelvin\" cannot be a co-type of a Property"));
    assertThat(reject(v2(property.formatted("Schema")))).hasSize(1);
    assertThat(reject(v2(property.formatted("dtmi:dtdl:class:Telemetry;2")))).singleElement()
        .satisfies(error -> assertThat(error.message()).contains("names two DTDL classes, Property and Telemetry"));
  }

  @Test
  void knownExtensionContextsAreAcceptedAndTheirTermsTolerated() {
    ModelSet models = parse("""
        {"@context": ["dtmi:dtdl:context;3", "dtmi:dtdl:extension:quantitativeTypes;1"],
         "@id": "dtmi:ex:Room;1", "@type": "Interface",
         "contents": {"@type": ["Telemetry", "Temperature"], "name": "t", "schema": "double",
                      "unit": "degreeCelsius"}}""");

    assertThat(models.contains(Dtmi.parse("dtmi:ex:Room;1"))).isTrue();
  }

  @Test
  void undefinedExtensionContextsNeedTheOption() {
    String json = """
        {"@context": ["dtmi:dtdl:context;3", "dtmi:com:example:myExtension;1"],
         "@id": "dtmi:ex:Room;1", "@type": ["Interface", "Secret"]}""";

    assertThat(reject(json)).singleElement()
        .satisfies(error -> assertThat(error.message()).contains("undefined extensions are not allowed"));
    assertThat(DtdlParser.builder().allowUndefinedExtensions(true).build().parse(json).size()).isEqualTo(1);
    assertThat(DtdlParser.create().allowsUndefinedExtensions()).isFalse();
  }

  @Test
  void enumValuesMustMatchTheValueSchemaAndBeUnique() {
    String enumSchema = "\"schemas\": {\"@id\": \"dtmi:ex:state;1\", \"@type\": \"Enum\", \"valueSchema\": \"%s\","
        + " \"enumValues\": [%s]}";

    assertThat(reject(v3(enumSchema.formatted("integer", "{\"name\": \"on\", \"enumValue\": \"1\"}"))))
        .singleElement().satisfies(error -> assertThat(error.message())
            .contains("must be an integer because the Enum's valueSchema is integer"));
    assertThat(reject(v3(enumSchema.formatted("string",
        "{\"name\": \"a\", \"enumValue\": \"x\"}, {\"name\": \"b\", \"enumValue\": \"x\"}")))).singleElement()
        .satisfies(error -> assertThat(error.message()).contains("enumValue \"x\" is used by more than one value"));
    assertThat(reject(v3(enumSchema.formatted("string",
        "{\"name\": \"a\", \"enumValue\": \"x\"}, {\"name\": \"a\", \"enumValue\": \"y\"}")))).singleElement()
        .satisfies(error -> assertThat(error.message()).contains("name \"a\" is used by more than one value"));
    assertThat(reject(v3(enumSchema.formatted("double", "")))).singleElement()
        .satisfies(error -> assertThat(error.message()).contains("must be \"integer\" or \"string\""));
  }

  @Test
  void v2EnumsAndObjectsNeedMembersWithinLimits() {
    String values = IntStream.range(0, 101).mapToObj(i -> "{\"name\": \"v" + i + "\", \"enumValue\": " + i + "}")
        .collect(Collectors.joining(","));
    String fields = IntStream.range(0, 31).mapToObj(i -> "{\"name\": \"f" + i + "\", \"schema\": \"double\"}")
        .collect(Collectors.joining(","));

    assertThat(reject(v2("\"schemas\": {\"@id\": \"dtmi:ex:e;1\", \"@type\": \"Enum\", \"valueSchema\": \"integer\","
        + " \"enumValues\": [" + values + "]}"))).singleElement()
        .satisfies(error -> assertThat(error.message()).contains("101 values; DTDL v2 allows at most 100"));
    assertThat(reject(v2("\"schemas\": {\"@id\": \"dtmi:ex:e;1\", \"@type\": \"Enum\", \"valueSchema\": \"integer\","
        + " \"enumValues\": []}"))).singleElement()
        .satisfies(error -> assertThat(error.message()).contains("must have a value"));
    assertThat(reject(v2("\"schemas\": {\"@id\": \"dtmi:ex:o;1\", \"@type\": \"Object\", \"fields\": [" + fields
        + "]}"))).singleElement()
        .satisfies(error -> assertThat(error.message()).contains("31 values; DTDL v2 allows at most 30"));
    assertThat(parse(v3("\"schemas\": {\"@id\": \"dtmi:ex:o;1\", \"@type\": \"Object\"}")).size()).isEqualTo(1);
  }

  @Test
  void objectFieldNamesMustBeUnique() {
    assertThat(reject(v3("""
        "schemas": {"@id": "dtmi:ex:o;1", "@type": "Object",
                    "fields": [{"name": "x", "schema": "double"}, {"name": "x", "schema": "long"}]}""")))
        .singleElement().satisfies(error -> assertThat(error.pointer()).isEqualTo("/schemas/fields/1/name"));
  }

  @Test
  void mapKeysMustBeStrings() {
    assertThat(reject(v3("""
        "contents": {"@type": "Property", "name": "m", "schema": {"@type": "Map",
          "mapKey": {"name": "k", "schema": "integer"}, "mapValue": {"name": "v", "schema": "double"}}}""")))
        .singleElement().satisfies(error -> {
          assertThat(error.pointer()).isEqualTo("/contents/schema/mapKey/schema");
          assertThat(error.message()).contains("must be \"string\", not \"integer\"");
        });
  }

  @Test
  void complexSchemasNestAtMostFiveSchemaStepsDeep() {
    String arrays = "{\"@type\": \"Array\", \"elementSchema\": ";
    String enumSchema = "{\"@type\": \"Enum\", \"valueSchema\": \"integer\"}";
    String telemetry = "\"contents\": {\"@type\": \"Telemetry\", \"name\": \"t\", \"schema\": %s}";

    assertThat(parse(v3(telemetry.formatted(arrays.repeat(5) + "\"double\"" + "}".repeat(5)))).size()).isEqualTo(1);
    assertThat(parse(v3(telemetry.formatted(arrays.repeat(5) + enumSchema + "}".repeat(5)))).size())
        .as("an Enum adds no schema step").isEqualTo(1);
    assertThat(reject(v3(telemetry.formatted(arrays.repeat(6) + "\"double\"" + "}".repeat(6)))))
        .singleElement().satisfies(error -> {
          assertThat(error.pointer()).isEqualTo("/contents/schema");
          assertThat(error.message()).contains("nested 6 levels deep").contains("DTDL allows at most 5");
        });
  }

  @Test
  void complexSchemasCannotReferToThemselves() {
    assertThat(reject(v3("""
        "schemas": {"@id": "dtmi:ex:list;1", "@type": "Array", "elementSchema": "dtmi:ex:list;1"}""")))
        .singleElement().satisfies(error -> assertThat(error.message()).contains("refers to itself"));
  }

  @Test
  void interfaceSchemasNeedAnId() {
    assertThat(reject(v3("\"schemas\": {\"@type\": \"Array\", \"elementSchema\": \"double\"}"))).singleElement()
        .satisfies(error -> assertThat(error.message()).contains("an Array here requires \"@id\""));
  }

  @Test
  void identifiersFollowTheDtdlRules() {
    assertThat(reject(v2("").replace("Thermostat;1", "Thermostat"))).singleElement()
        .satisfies(error -> assertThat(error.message()).contains("one-part version"));
    assertThat(parse(v3("").replace("Thermostat;1", "Thermostat;1.2")).ids())
        .containsExactly(Dtmi.parse("dtmi:com:example:Thermostat;1.2"));
    assertThat(reject(v3("").replace("com:example:Thermostat;1", "dtdl:mine;1"))).singleElement()
        .satisfies(error -> assertThat(error.message()).contains("reserved prefixes"));
    assertThat(reject(v3("").replace("com:example:Thermostat;1", "a".repeat(125) + ";1"))).singleElement()
        .satisfies(error -> assertThat(error.message()).contains("limited to 128 characters"));
  }

  @Test
  void everyInterfaceNeedsAnIdEvenInline() {
    assertThat(reject(v3("\"extends\": {\"@type\": \"Interface\"}"))).singleElement().satisfies(error -> {
      assertThat(error.pointer()).isEqualTo("/extends");
      assertThat(error.message()).isEqualTo("an Interface here requires \"@id\"");
    });
  }

  @Test
  void idsMustBeUniqueInTheDocuments() {
    assertThat(reject(v3("""
        "contents": {"@id": "dtmi:com:example:Thermostat;1", "@type": "Telemetry", "name": "t",
                     "schema": "double"}""")))
        .singleElement().satisfies(error -> {
          assertThat(error.code()).isEqualTo(ModelError.Code.DUPLICATE_ID);
          assertThat(error.pointer()).isEqualTo("/contents/@id");
        });
  }

  @Test
  void topLevelElementsMustBeInterfaces() {
    assertThat(reject("{\"@context\": \"dtmi:dtdl:context;3\", \"@id\": \"dtmi:ex:o;1\", \"@type\": \"Object\"}"))
        .singleElement().satisfies(error -> assertThat(error.message())
            .contains("an Object is not allowed here; expected Interface"));
  }

  @Test
  void v3RejectsJsonLdKeywordsOtherThanContextIdAndTypeWhileV2OnlyRejectsGraph() {
    assertThat(reject(v3("\"@language\": \"en\""))).singleElement()
        .satisfies(error -> assertThat(error.pointer()).isEqualTo("/@language"));
    assertThat(parse(v2("\"@language\": \"en\"")).size()).isEqualTo(1);
    assertThat(reject(v2("\"@graph\": {}"))).singleElement()
        .satisfies(error -> assertThat(error.pointer()).isEqualTo("/@graph"));
  }

  @Test
  void malformedJsonIsReportedAsAModelError() {
    assertThatThrownBy(() -> parse("{\"@context\": "))
        .isInstanceOfSatisfying(DtdlException.class,
            e -> assertThat(e.errors()).singleElement().satisfies(error -> assertThat(error.message())
                .startsWith("Malformed JSON")));
  }

  @Test
  void aV3InterfaceMayExtendAV2InterfaceButNotTheOtherWayRound() {
    String v2Base = "{\"@context\": \"dtmi:dtdl:context;2\", \"@id\": \"dtmi:ex:Old;1\", \"@type\": \"Interface\"}";
    String v3Base = "{\"@context\": \"dtmi:dtdl:context;3\", \"@id\": \"dtmi:ex:New;1\", \"@type\": \"Interface\"}";

    assertThat(parse("[" + v2Base + "," + v3("\"extends\": \"dtmi:ex:Old;1\"") + "]").size()).isEqualTo(2);
    assertThat(reject("[" + v3Base + "," + v2("\"extends\": \"dtmi:ex:New;1\"") + "]")).singleElement()
        .satisfies(error -> assertThat(error.message()).contains("is a DTDL v3 Interface, which a DTDL v2 Interface"
            + " cannot use"));
  }

  @Test
  void v3AcceptsV2ComplexSchemasButNotV2StructuralParts() {
    String v2Array = "{\"@context\": \"dtmi:dtdl:context;2\", \"@type\": \"Array\", \"elementSchema\": \"double\"}";
    String v2MapValue = "{\"@context\": \"dtmi:dtdl:context;2\", \"name\": \"v\", \"schema\": \"double\"}";

    String telemetry = "\"contents\": {\"@type\": \"Telemetry\", \"name\": \"t\", \"schema\": " + v2Array + "}";

    assertThat(parse(v3(telemetry)).size()).isEqualTo(1);
    assertThat(reject(v3("\"contents\": {\"@type\": \"Property\", \"name\": \"m\", \"schema\": {\"@type\": \"Map\","
        + " \"mapKey\": {\"name\": \"k\", \"schema\": \"string\"}, \"mapValue\": " + v2MapValue + "}}")))
        .singleElement().satisfies(error -> assertThat(error.message())
            .isEqualTo("a DTDL v2 MapValue cannot be used in a DTDL v3 Map"));
  }

  @Test
  void commandsAreParsedAndFlagged() {
    DtdlInterface model = parse(v3("""
        "contents": {"@type": "Command", "name": "reboot",
          "request": {"name": "delay", "schema": "duration"},
          "response": {"name": "scheduledTime", "schema": "dateTime"}}""")).get(THERMOSTAT).orElseThrow();

    DtdlCommand reboot = (DtdlCommand) model.content("reboot").orElseThrow();
    assertThat(model.declaresCommands()).isTrue();
    assertThat(reboot.request().orElseThrow().schema()).isSameAs(PrimitiveSchema.DURATION);
    assertThat(reboot.response().orElseThrow().name()).isEqualTo("scheduledTime");
  }
}
