package io.twinsdk.core.dtdl.internal;

import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The standard semantic types of DTDL v2 and their units, from the chart in the DTDL v2 specification ("Semantic
 * Type"). A Property or Telemetry co-typed with a semantic type must carry a {@code unit} of the matching unit type.
 *
 * <p>Terms map to IRIs {@code dtmi:standard:class:<SemanticType>;2} and units to {@code dtmi:standard:unit:<unit>;2}.
 */
public final class SemanticTypes {

  private static final String CLASS_PREFIX = "dtmi:standard:class:";
  private static final String UNIT_PREFIX = "dtmi:standard:unit:";
  private static final String V2_SUFFIX = ";2";

  /** Each entry is "SemanticType UnitType". */
  private static final String[] SEMANTIC_TYPES = {
    "Acceleration AccelerationUnit", "Angle AngleUnit", "AngularAcceleration AngularAccelerationUnit",
    "AngularVelocity AngularVelocityUnit", "Area AreaUnit", "Capacitance CapacitanceUnit", "Current CurrentUnit",
    "DataRate DataRateUnit", "DataSize DataSizeUnit", "Density DensityUnit", "Distance LengthUnit",
    "ElectricCharge ChargeUnit", "Energy EnergyUnit", "Force ForceUnit", "Frequency FrequencyUnit",
    "Humidity DensityUnit", "Illuminance IlluminanceUnit", "Inductance InductanceUnit", "Latitude AngleUnit",
    "Length LengthUnit", "Longitude AngleUnit", "Luminance LuminanceUnit", "Luminosity PowerUnit",
    "LuminousFlux LuminousFluxUnit", "LuminousIntensity LuminousIntensityUnit", "MagneticFlux MagneticFluxUnit",
    "MagneticInduction MagneticInductionUnit", "Mass MassUnit", "MassFlowRate MassFlowRateUnit", "Power PowerUnit",
    "Pressure PressureUnit", "RelativeHumidity Unitless", "Resistance ResistanceUnit",
    "SoundPressure SoundPressureUnit", "Temperature TemperatureUnit", "Thrust ForceUnit", "TimeSpan TimeUnit",
    "Torque TorqueUnit", "Velocity VelocityUnit", "Voltage VoltageUnit", "Volume VolumeUnit",
    "VolumeFlowRate VolumeFlowRateUnit",
  };

  /** Each entry is "UnitType unit unit ...". */
  private static final String[] UNITS = {
    "AccelerationUnit centimetrePerSecondSquared gForce metrePerSecondSquared",
    "AngleUnit degreeOfArc minuteOfArc radian secondOfArc turn",
    "AngularAccelerationUnit radianPerSecondSquared",
    "AngularVelocityUnit degreePerSecond radianPerSecond revolutionPerMinute revolutionPerSecond",
    "AreaUnit acre hectare squareCentimetre squareFoot squareInch squareKilometre squareMetre squareMillimetre",
    "CapacitanceUnit farad microfarad millifarad nanofarad picofarad",
    "ChargeUnit coulomb",
    "CurrentUnit ampere microampere milliampere",
    "DataRateUnit bitPerSecond bytePerSecond exbibitPerSecond exbibytePerSecond gibibitPerSecond gibibytePerSecond"
        + " kibibitPerSecond kibibytePerSecond mebibitPerSecond mebibytePerSecond tebibitPerSecond tebibytePerSecond"
        + " yobibitPerSecond yobibytePerSecond zebibitPerSecond zebibytePerSecond",
    "DataSizeUnit bit byte exbibit exbibyte gibibit gibibyte kibibit kibibyte mebibit mebibyte tebibit tebibyte"
        + " yobibit yobibyte zebibit zebibyte",
    "DensityUnit gramPerCubicMetre kilogramPerCubicMetre",
    "EnergyUnit electronvolt gigajoule joule kilojoule kilowattHour megaelectronvolt megajoule",
    "ForceUnit newton ounce pound ton",
    "FrequencyUnit gigahertz hertz kilohertz megahertz",
    "IlluminanceUnit footcandle lux",
    "InductanceUnit henry microhenry millihenry",
    "LengthUnit astronomicalUnit centimetre foot inch kilometre metre micrometre mile millimetre nanometre"
        + " nauticalMile",
    "LuminanceUnit candelaPerSquareMetre",
    "LuminousFluxUnit lumen",
    "LuminousIntensityUnit candela",
    "MagneticFluxUnit maxwell weber",
    "MagneticInductionUnit tesla",
    "MassFlowRateUnit gramPerHour gramPerSecond kilogramPerHour kilogramPerSecond",
    "MassUnit gram kilogram microgram milligram slug tonne",
    "PowerUnit gigawatt horsepower kilowatt kilowattHourPerYear megawatt microwatt milliwatt watt",
    "PressureUnit bar inchesOfMercury inchesOfWater kilopascal millibar millimetresOfMercury pascal"
        + " poundPerSquareInch",
    "ResistanceUnit kiloohm megaohm milliohm ohm",
    "SoundPressureUnit bel decibel",
    "TemperatureUnit degreeCelsius degreeFahrenheit kelvin",
    "TimeUnit day hour microsecond millisecond minute nanosecond second year",
    "TorqueUnit newtonMetre",
    "Unitless percent unity",
    "VelocityUnit centimetrePerSecond kilometrePerHour kilometrePerSecond knot metrePerHour metrePerSecond"
        + " milePerHour milePerSecond",
    "VoltageUnit kilovolt megavolt microvolt millivolt volt",
    "VolumeFlowRateUnit litrePerHour litrePerSecond millilitrePerHour millilitrePerSecond",
    "VolumeUnit cubicCentimetre cubicFoot cubicInch cubicMetre fluidOunce gallon litre millilitre",
  };

  private static final Map<String, String> UNIT_TYPE_BY_SEMANTIC_TYPE;
  private static final Map<String, Set<String>> UNITS_BY_UNIT_TYPE;

  static {
    Map<String, String> semanticTypes = new HashMap<>();
    for (String entry : SEMANTIC_TYPES) {
      String[] parts = entry.split(" ");
      semanticTypes.put(parts[0], parts[1]);
    }
    Map<String, Set<String>> units = new HashMap<>();
    for (String entry : UNITS) {
      String[] parts = entry.split(" ");
      Set<String> set = new HashSet<>();
      for (int i = 1; i < parts.length; i++) {
        set.add(parts[i]);
      }
      units.put(parts[0], Collections.unmodifiableSet(set));
    }
    UNIT_TYPE_BY_SEMANTIC_TYPE = Collections.unmodifiableMap(semanticTypes);
    UNITS_BY_UNIT_TYPE = Collections.unmodifiableMap(units);
  }

  private SemanticTypes() {}

  /**
   * Returns the semantic type term named by a term ({@code "Temperature"}) or an IRI
   * ({@code "dtmi:standard:class:Temperature;2"}), or empty when it names none.
   */
  public static Optional<String> semanticType(String termOrIri) {
    String term = stripIri(termOrIri, CLASS_PREFIX);
    return UNIT_TYPE_BY_SEMANTIC_TYPE.containsKey(term) ? Optional.of(term) : Optional.empty();
  }

  /** Returns the unit type a semantic type requires, e.g. {@code TemperatureUnit} for {@code Temperature}. */
  public static String unitTypeOf(String semanticType) {
    return UNIT_TYPE_BY_SEMANTIC_TYPE.get(semanticType);
  }

  /**
   * Returns the unit term named by a term ({@code "kelvin"}) or IRI ({@code "dtmi:standard:unit:kelvin;2"}) when it is
   * one of the units of {@code unitType}.
   */
  public static Optional<String> unitOf(String unitType, String termOrIri) {
    String term = stripIri(termOrIri, UNIT_PREFIX);
    Set<String> units = UNITS_BY_UNIT_TYPE.getOrDefault(unitType, Collections.emptySet());
    return units.contains(term) ? Optional.of(term) : Optional.empty();
  }

  /** Returns whether a term or v2 IRI names a unit ({@code kelvin}) or a unit type ({@code TemperatureUnit}). */
  public static boolean isUnitOrUnitType(String termOrIri) {
    if (UNITS_BY_UNIT_TYPE.containsKey(stripIri(termOrIri, CLASS_PREFIX))) {
      return true;
    }
    String unit = stripIri(termOrIri, UNIT_PREFIX);
    for (Set<String> units : UNITS_BY_UNIT_TYPE.values()) {
      if (units.contains(unit)) {
        return true;
      }
    }
    return false;
  }

  private static String stripIri(String termOrIri, String prefix) {
    if (termOrIri.startsWith(prefix) && termOrIri.endsWith(V2_SUFFIX)) {
      return termOrIri.substring(prefix.length(), termOrIri.length() - V2_SUFFIX.length());
    }
    return termOrIri.indexOf(':') >= 0 ? "" : termOrIri;
  }
}
