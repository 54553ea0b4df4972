package io.twinsdk.hub.iothub.query;

import com.fasterxml.jackson.databind.JsonNode;

/** Comparisons of primitive values, as the query language defines them: only like with like, never undefined. */
final class Comparison {

  /** The result of comparing values of different kinds or non-primitives. */
  static final int INCOMPARABLE = Integer.MIN_VALUE;

  private Comparison() {}

  /** Returns negative, zero or positive, or {@link #INCOMPARABLE}. */
  static int compare(JsonNode a, JsonNode b) {
    if (a.isNumber() && b.isNumber()) {
      return a.decimalValue().compareTo(b.decimalValue());
    }
    if (a.isTextual() && b.isTextual()) {
      return Integer.signum(a.textValue().compareTo(b.textValue()));
    }
    if (a.isBoolean() && b.isBoolean()) {
      return a.booleanValue() == b.booleanValue() ? 0 : INCOMPARABLE;
    }
    if (a.isNull() && b.isNull()) {
      return 0;
    }
    return INCOMPARABLE;
  }

  /** Whether {@code left op right} holds; false whenever either side is undefined or they are incomparable. */
  static boolean holds(JsonNode left, String op, JsonNode right) {
    if (left.isMissingNode() || right.isMissingNode()) {
      return false;
    }
    int order = compare(left, right);
    if (order == INCOMPARABLE) {
      return op.equals("!=") || op.equals("<>") ? left.isValueNode() && right.isValueNode() : false;
    }
    switch (op) {
      case "=":
        return order == 0;
      case "!=":
      case "<>":
        return order != 0;
      case "<":
        return order < 0;
      case ">":
        return order > 0;
      case "<=":
        return order <= 0;
      default:
        return order >= 0;
    }
  }
}
