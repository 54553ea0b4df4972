package io.twinsdk.hub.digitaltwins.query;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Objects;

/** A node of a WHERE clause. Every implementation is an immutable record. */
public sealed interface Expression {

  /** {@code left AND right}. */
  record And(Expression left, Expression right) implements Expression {}

  /** {@code left OR right}. */
  record Or(Expression left, Expression right) implements Expression {}

  /** {@code NOT operand}. */
  record Not(Expression operand) implements Expression {}

  /** A comparison of two operands: {@code T.temperature > 70}, {@code 'room1' = T.$dtId}. */
  record Comparison(Operand left, Operator operator, Operand right) implements Expression {}

  /**
   * {@code operand IN [values]}, or {@code NIN} when negated.
   *
   * @param values literal values, at least one
   */
  record In(PropertyRef operand, List<Literal> values, boolean negated) implements Expression {

    /** Copies the value list. */
    public In {
      values = List.copyOf(values);
    }
  }

  /**
   * {@code IS_OF_MODEL([collection,] 'modelId'[, exact])}: the twin's model is {@code modelId} or, unless exact, a
   * model that extends it.
   */
  record IsOfModel(String collection, String modelId, boolean exact) implements Expression {}

  /** {@code IS_DEFINED(p)}, {@code IS_NULL(p)}, ...: a test of a property's JSON type. */
  record TypeCheck(TypeFunction function, PropertyRef property) implements Expression {}

  /** {@code STARTSWITH(p, 'x')}, {@code ENDSWITH(p, 'x')}, {@code CONTAINS(p, 'x')}: false unless p is a string. */
  record StringMatch(StringFunction function, PropertyRef property, String value) implements Expression {}

  /** {@code ARRAY_CONTAINS(p, value)}: p is an array with an element equal to value. */
  record ArrayContains(PropertyRef property, Literal value) implements Expression {}

  /** Comparison operators. */
  enum Operator {
    EQ("="), NE("!="), LT("<"), LE("<="), GT(">"), GE(">=");

    private final String symbol;

    Operator(String symbol) {
      this.symbol = symbol;
    }

    /** The operator as written in a query. */
    public String symbol() {
      return symbol;
    }

    /** The operator that gives the same result with its operands swapped ({@code a < b} is {@code b > a}). */
    public Operator mirrored() {
      return switch (this) {
        case LT -> GT;
        case LE -> GE;
        case GT -> LT;
        case GE -> LE;
        default -> this;
      };
    }
  }

  /** The type-testing functions. */
  enum TypeFunction { IS_DEFINED, IS_NULL, IS_BOOL, IS_NUMBER, IS_STRING, IS_PRIMITIVE, IS_OBJECT }

  /** The string-matching functions. */
  enum StringFunction { STARTSWITH, ENDSWITH, CONTAINS }

  /** A side of a comparison: a property of a collection or a literal value. */
  sealed interface Operand permits PropertyRef, Literal {}

  /**
   * A literal: a JSON string, number, boolean or null.
   *
   * @param value the value as JSON
   */
  record Literal(JsonNode value) implements Operand {

    /** Checks the argument. */
    public Literal {
      Objects.requireNonNull(value, "value");
    }
  }
}
