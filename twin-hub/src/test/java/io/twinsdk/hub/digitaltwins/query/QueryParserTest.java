package io.twinsdk.hub.digitaltwins.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.twinsdk.hub.digitaltwins.query.AdtQuery.Collection;
import io.twinsdk.hub.digitaltwins.query.AdtQuery.SelectKind;
import io.twinsdk.hub.digitaltwins.query.Expression.Comparison;
import io.twinsdk.hub.digitaltwins.query.Expression.Operator;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class QueryParserTest {

  private static Expression where(String query) {
    return QueryParser.parse(query).where().orElseThrow();
  }

  private static QueryException failure(String query) {
    try {
      QueryParser.parse(query);
    } catch (QueryException e) {
      return e;
    }
    throw new AssertionError("Expected a QueryException for: " + query);
  }

  @Nested
  class Select {

    @Test
    void selectStarReadsEveryTwinWithTheDefaultAlias() {
      AdtQuery query = QueryParser.parse("SELECT * FROM DIGITALTWINS");

      assertThat(query.select().kind()).isEqualTo(SelectKind.ALL);
      assertThat(query.from()).isEqualTo(Collection.DIGITAL_TWINS);
      assertThat(query.fromAlias()).isEqualTo(AdtQuery.DEFAULT_ALIAS);
      assertThat(query.joins()).isEmpty();
      assertThat(query.where()).isEmpty();
    }

    @Test
    void keywordsAreCaseInsensitive() {
      AdtQuery query = QueryParser.parse("select * from digitaltwins where IsOccupied = true");

      assertThat(query.where()).isPresent();
    }

    @Test
    void countReturnsCountKind() {
      assertThat(QueryParser.parse("SELECT COUNT() FROM RELATIONSHIPS").select().kind()).isEqualTo(SelectKind.COUNT);
    }

    @Test
    void topKeepsItsLimitWithOrWithoutProjection() {
      assertThat(QueryParser.parse("SELECT TOP(5) FROM DIGITALTWINS").select().top()).contains(5);
      assertThat(QueryParser.parse("SELECT TOP (3) * FROM DIGITALTWINS").select().kind()).isEqualTo(SelectKind.ALL);
      AdtQuery projected = QueryParser.parse("SELECT TOP(2) T.name FROM DIGITALTWINS T");
      assertThat(projected.select().top()).contains(2);
      assertThat(projected.select().projections()).hasSize(1);
    }

    @Test
    void projectionsResolveCollectionsPropertiesAndAliases() {
      AdtQuery query = QueryParser.parse(
          "SELECT T, T.name, T.wifi.ssid AS network FROM DIGITALTWINS T WHERE T.$dtId = 'a'");

      List<AdtQuery.Projection> projections = query.select().projections();
      assertThat(projections).extracting(p -> p.source()).containsExactly(
          new PropertyRef("T", List.of()),
          new PropertyRef("T", List.of("name")),
          new PropertyRef("T", List.of("wifi", "ssid")));
      assertThat(projections).extracting(AdtQuery.Projection::outputName).containsExactly("T", "name", "network");
    }

    @Test
    void unaliasedPropertiesBelongToTheOnlyCollection() {
      AdtQuery query = QueryParser.parse("SELECT name FROM DIGITALTWINS");

      assertThat(query.select().projections().get(0).source())
          .isEqualTo(new PropertyRef(AdtQuery.DEFAULT_ALIAS, List.of("name")));
    }
  }

  @Nested
  class Joins {

    @Test
    void joinFollowsARelationshipFromAnEarlierCollection() {
      AdtQuery query = QueryParser.parse(
          "SELECT T, CT, R FROM DIGITALTWINS T JOIN CT RELATED T.contains R WHERE T.$dtId = 'ABC'");

      assertThat(query.joins()).containsExactly(new AdtQuery.Join("CT", "T", "contains", Optional.of("R")));
      assertThat(query.select().projections()).extracting(AdtQuery.Projection::outputName)
          .containsExactly("T", "CT", "R");
    }

    @Test
    void joinsChainUpToFive() {
      StringBuilder query = new StringBuilder("SELECT A FROM DIGITALTWINS A");
      String previous = "A";
      for (int i = 0; i < 5; i++) {
        String alias = "J" + i;
        query.append(" JOIN ").append(alias).append(" RELATED ").append(previous).append(".contains");
        previous = alias;
      }
      query.append(" WHERE A.$dtId = 'x'");

      assertThat(QueryParser.parse(query.toString()).joins()).hasSize(5);

      String sixth = query.toString().replace(" WHERE", " JOIN J5 RELATED J4.contains WHERE");
      assertThat(failure(sixth).getMessage()).contains("at most 5 JOIN");
    }

    @Test
    void joinWithoutTwinIdFilterIsRefused() {
      QueryException error = failure("SELECT T, CT FROM DIGITALTWINS T JOIN CT RELATED T.contains WHERE T.name = 'x'");

      assertThat(error.getMessage()).contains("$dtId");
    }

    @Test
    void selectStarWithJoinIsRefused() {
      assertThat(failure("SELECT * FROM DIGITALTWINS T JOIN CT RELATED T.contains WHERE T.$dtId = 'x'").getMessage())
          .contains("SELECT *");
    }

    @Test
    void relationshipsCannotBeJoined() {
      QueryException error = failure("SELECT R FROM RELATIONSHIPS R JOIN X RELATED R.contains WHERE R.$dtId = 'a'");

      assertThat(error.getMessage()).contains("RELATIONSHIPS cannot be combined with JOIN");
      assertThat(error.position()).isEqualTo(30);
    }

    @Test
    void joinFromAnUnknownAliasIsRefused() {
      assertThat(failure("SELECT T FROM DIGITALTWINS T JOIN CT RELATED X.contains WHERE T.$dtId = 'a'").position())
          .isEqualTo(45);
    }

    @Test
    void propertiesMustNameTheirCollectionInAJoin() {
      assertThat(failure("SELECT T FROM DIGITALTWINS T JOIN CT RELATED T.contains WHERE name = 'a' AND T.$dtId = 'a'")
          .getMessage()).contains("Unknown collection alias name");
    }

    @Test
    void duplicateAliasIsRefused() {
      assertThat(failure("SELECT T FROM DIGITALTWINS T JOIN T RELATED T.contains WHERE T.$dtId = 'a'").getMessage())
          .contains("declared twice");
    }
  }

  @Nested
  class Where {

    @Test
    void comparisonsParseEveryOperatorAndLiteralType() {
      assertThat(where("SELECT * FROM DIGITALTWINS WHERE Temperature >= -4.5")).isEqualTo(new Comparison(
          new PropertyRef("", List.of("Temperature")), Operator.GE,
          new Expression.Literal(com.fasterxml.jackson.databind.node.DecimalNode.valueOf(
              new java.math.BigDecimal("-4.5")))));
      for (String operator : List.of("=", "!=", "<", "<=", ">", ">=")) {
        Comparison comparison = (Comparison) where("SELECT * FROM DIGITALTWINS T WHERE T.a " + operator + " 1");
        assertThat(comparison.operator().symbol()).isEqualTo(operator);
      }
      assertThat(((Comparison) where("SELECT * FROM DIGITALTWINS WHERE a = null")).right())
          .isEqualTo(new Expression.Literal(com.fasterxml.jackson.databind.node.NullNode.getInstance()));
      assertThat(((Comparison) where("SELECT * FROM DIGITALTWINS WHERE a = FALSE")).right())
          .isEqualTo(new Expression.Literal(com.fasterxml.jackson.databind.node.BooleanNode.FALSE));
    }

    @Test
    void stringLiteralsUnescapeBackslashQuotes() {
      Comparison comparison = (Comparison) where("SELECT * FROM DIGITALTWINS WHERE Name = 'D\\'Souza'");

      assertThat(((Expression.Literal) comparison.right()).value().asText()).isEqualTo("D'Souza");
    }

    @Test
    void andBindsTighterThanOrAndNotTighterThanAnd() {
      Expression expression = where("SELECT * FROM DIGITALTWINS WHERE a = 1 OR NOT b = 2 AND c = 3");

      assertThat(expression).isInstanceOf(Expression.Or.class);
      Expression.And right = (Expression.And) ((Expression.Or) expression).right();
      assertThat(right.left()).isInstanceOf(Expression.Not.class);
    }

    @Test
    void parenthesesGroup() {
      Expression expression = where("SELECT * FROM DIGITALTWINS WHERE (a = 1 OR b = 2) AND c = 3");

      assertThat(((Expression.And) expression).left()).isInstanceOf(Expression.Or.class);
    }

    @Test
    void inNinAndNotInTakeLiteralLists() {
      Expression.In in = (Expression.In) where("SELECT * FROM RELATIONSHIPS WHERE $sourceId IN ['A','B','C','D']");
      assertThat(in.values()).hasSize(4);
      assertThat(in.negated()).isFalse();

      assertThat(((Expression.In) where("SELECT * FROM DIGITALTWINS WHERE a NIN [1, 2]")).negated()).isTrue();
      assertThat(((Expression.In) where("SELECT * FROM DIGITALTWINS WHERE a NOT IN ('x')")).negated()).isTrue();
    }

    @Test
    void isOfModelTakesAnOptionalCollectionAndExact() {
      assertThat(where("SELECT * FROM DIGITALTWINS WHERE IS_OF_MODEL('dtmi:example:room;1')"))
          .isEqualTo(new Expression.IsOfModel("", "dtmi:example:room;1", false));
      assertThat(where("SELECT ROOM FROM DIGITALTWINS ROOM WHERE IS_OF_MODEL(ROOM, 'dtmi:example:room;1', exact)"))
          .isEqualTo(new Expression.IsOfModel("ROOM", "dtmi:example:room;1", true));
    }

    @Test
    void typeAndStringFunctionsTakeAProperty() {
      for (Expression.TypeFunction function : Expression.TypeFunction.values()) {
        assertThat(where("SELECT * FROM DIGITALTWINS T WHERE " + function + "(T.a.b)"))
            .isEqualTo(new Expression.TypeCheck(function, new PropertyRef("T", List.of("a", "b"))));
      }
      for (Expression.StringFunction function : Expression.StringFunction.values()) {
        assertThat(where("SELECT * FROM DIGITALTWINS T WHERE " + function.name().toLowerCase() + "(T.a, 'x')"))
            .isEqualTo(new Expression.StringMatch(function, new PropertyRef("T", List.of("a")), "x"));
      }
      assertThat(where("SELECT * FROM DIGITALTWINS WHERE ARRAY_CONTAINS(tags, 'red')")).isEqualTo(
          new Expression.ArrayContains(new PropertyRef("", List.of("tags")),
              new Expression.Literal(com.fasterxml.jackson.databind.node.TextNode.valueOf("red"))));
    }

    @Test
    void escapedReservedWordIsAPropertyName() {
      Comparison comparison = (Comparison) where("SELECT * FROM DIGITALTWINS WHERE [[Group]] = 'x'");

      assertThat(comparison.left()).isEqualTo(new PropertyRef("", List.of("Group")));
    }

    @Test
    void systemPropertiesKeepTheirDollarNames() {
      Comparison comparison = (Comparison) where("SELECT * FROM DIGITALTWINS T WHERE T.$metadata.$model = 'm'");

      assertThat(comparison.left()).isEqualTo(new PropertyRef("T", List.of("$metadata", "$model")));
    }
  }

  @Nested
  class Errors {

    @Test
    void syntaxErrorNamesThePosition() {
      QueryException error = failure("SELECT * FROM DIGITALTWINS WHERE = 3");

      assertThat(error.position()).isEqualTo(33);
      assertThat(error.getMessage()).contains("found '='");
    }

    @Test
    void plainTextIsASyntaxError() {
      assertThat(failure("foo").position()).isZero();
    }

    @Test
    void missingFromIsReported() {
      assertThat(failure("SELECT *").getMessage()).contains("Expected FROM but found the end of the query");
    }

    @Test
    void matchIsNotSupportedYet() {
      QueryException error = failure("SELECT B FROM DIGITALTWINS MATCH (A)-[:contains]->(B) WHERE A.$dtId = 'x'");

      assertThat(error.getMessage()).contains("MATCH is not supported yet");
      assertThat(error.position()).isEqualTo(27);
    }

    @Test
    void orderByIsNotPartOfTheLanguage() {
      assertThat(failure("SELECT * FROM DIGITALTWINS ORDER BY name").getMessage()).contains("ORDER BY");
    }

    @Test
    void queryLongerThanTheLimitIsRefused() {
      String query = "SELECT * FROM DIGITALTWINS WHERE name = '" + "x".repeat(9_000) + "'";

      assertThat(failure(query).getMessage()).contains("limit is 8000");
    }

    @Test
    void moreThanFiftyBooleanOperatorsAreRefused() {
      StringBuilder query = new StringBuilder("SELECT * FROM DIGITALTWINS WHERE a = 0");
      for (int i = 1; i <= 50; i++) {
        query.append(" OR a = ").append(i);
      }
      assertThat(QueryParser.parse(query.toString()).where()).isPresent();

      assertThat(failure(query + " AND b = 1").getMessage()).contains("at most 50 AND/OR");
    }

    @Test
    void inListLongerThanTheLimitIsRefused() {
      StringBuilder values = new StringBuilder("0");
      for (int i = 1; i <= QueryParser.MAX_IN_VALUES; i++) {
        values.append(',').append(i);
      }

      assertThat(failure("SELECT * FROM DIGITALTWINS WHERE a IN [" + values + "]").getMessage())
          .contains("at most 100 values");
    }

    @Test
    void unterminatedStringIsReportedWhereItStarts() {
      assertThat(failure("SELECT * FROM DIGITALTWINS WHERE a = 'open").position()).isEqualTo(37);
    }

    @Test
    void unknownFunctionIsRefused() {
      assertThat(failure("SELECT * FROM DIGITALTWINS WHERE LOWER(a) = 'x'").getMessage())
          .contains("Unknown function LOWER");
    }

    @Test
    void isOfModelOnRelationshipsIsRefused() {
      assertThat(failure("SELECT * FROM RELATIONSHIPS R WHERE IS_OF_MODEL(R, 'dtmi:a:b;1')").getMessage())
          .contains("applies to twins");
    }

    @Test
    void topNeedsAPositiveWholeNumber() {
      assertThat(failure("SELECT TOP(0) FROM DIGITALTWINS").getMessage()).contains("positive whole number");
      assertThat(failure("SELECT TOP(1.5) FROM DIGITALTWINS").getMessage()).contains("positive whole number");
    }

    @Test
    void reservedWordIsNotAnAlias() {
      assertThat(failure("SELECT * FROM DIGITALTWINS SELECT").getMessage()).contains("Expected the end of the query");
    }
  }
}
