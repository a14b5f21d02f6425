package com.refractoryatlas.subgraph;

import graphql.GraphQLContext;
import graphql.execution.CoercedVariables;
import graphql.language.StringValue;
import graphql.language.Value;
import graphql.schema.Coercing;
import graphql.schema.CoercingParseLiteralException;
import graphql.schema.CoercingParseValueException;
import graphql.schema.CoercingSerializeException;
import graphql.schema.GraphQLScalarType;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.Date;
import java.util.Locale;

/**
 * The contract's {@code DateTime}: an ISO-8601 instant in UTC ({@code 2025-08-29T10:15:30Z}). Unlike the extended
 * scalar it accepts the {@link Instant}s our documents hold.
 */
final class InstantScalar {

    static final GraphQLScalarType DATE_TIME = GraphQLScalarType.newScalar()
            .name("DateTime")
            .description("An ISO-8601 instant in UTC, e.g. 2025-08-29T10:15:30Z")
            .coercing(new InstantCoercing())
            .build();

    private InstantScalar() {}

    private static final class InstantCoercing implements Coercing<Instant, String> {

        @Override
        public String serialize(Object value, GraphQLContext context, Locale locale) {
            return switch (value) {
                case Instant instant -> instant.toString();
                case OffsetDateTime offset -> offset.toInstant().toString();
                case ZonedDateTime zoned -> zoned.toInstant().toString();
                case Date date -> date.toInstant().toString();
                case String text -> parse(text, CoercingSerializeException::new).toString();
                default ->
                    throw new CoercingSerializeException(
                            "Not a DateTime: " + value.getClass().getSimpleName());
            };
        }

        @Override
        public Instant parseValue(Object input, GraphQLContext context, Locale locale) {
            if (input instanceof String text) {
                return parse(text, CoercingParseValueException::new);
            }
            throw new CoercingParseValueException("DateTime must be an ISO-8601 string");
        }

        @Override
        public Instant parseLiteral(Value<?> input, CoercedVariables variables, GraphQLContext context, Locale locale) {
            if (input instanceof StringValue text) {
                return parse(text.getValue(), CoercingParseLiteralException::new);
            }
            throw new CoercingParseLiteralException("DateTime must be an ISO-8601 string");
        }

        private static <E extends RuntimeException> Instant parse(
                String text, java.util.function.Function<String, E> error) {
            try {
                return OffsetDateTime.parse(text).toInstant();
            } catch (DateTimeParseException e) {
                throw error.apply("Not an ISO-8601 DateTime: " + text);
            }
        }
    }
}
