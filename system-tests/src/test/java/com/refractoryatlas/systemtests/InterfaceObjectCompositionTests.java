package com.refractoryatlas.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * The entity-interface SDLs of the gateway's {@code InterfaceObjectTests} ({@code media}: {@code interface Media
 * @key(fields: "id")} with {@code Book} and {@code Movie}; {@code reviews}: {@code type Media @interfaceObject}), and
 * the broken variants that test rejects, composed by Apollo's own composition ({@code @apollo/composition}): Apollo
 * accepts what our Composer accepts and rejects the variants with the error codes our Composer reports. (The project's
 * running subgraphs have no entity interface, so the {@link FederationDifferentialTests} corpus cannot ask one.)
 */
class InterfaceObjectCompositionTests {

    @Test
    void apolloComposesTheInterfaceObjectIntoTheEntityInterface() throws IOException {
        var result = compose("valid", UnaryOperator.identity(), UnaryOperator.identity());

        assertThat(result.output()).contains("COMPOSED").doesNotContain("ERROR");
        var supergraph = Files.readString(dir("valid").resolve("supergraph.graphql"));
        assertThat(supergraph)
                .contains("@join__type(graph: REVIEWS, key: \"id\", isInterfaceObject: true)")
                .contains("type Book implements Media");
    }

    @Test
    void apolloRejectsAnInterfaceObjectWithoutInterface() {
        var result = compose(
                "no-interface",
                media -> media.replace("interface Media @key(fields: \"id\")", "interface Medium")
                        .replace("implements Media", "implements Medium")
                        .replace("[Media!]!", "[Medium!]!"),
                UnaryOperator.identity());

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.output()).contains("ERROR INTERFACE_OBJECT_USAGE_ERROR");
    }

    @Test
    void apolloRejectsAnInterfaceObjectOfAnInterfaceWithoutKey() {
        var result = compose(
                "interface-without-key",
                media -> media.replace("interface Media @key(fields: \"id\")", "interface Media"),
                UnaryOperator.identity());

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.output())
                .contains("ERROR SATISFIABILITY_ERROR")
                .contains("no subgraph can be reached to resolve the implementation type of @interfaceObject type");
    }

    @Test
    void apolloRejectsAnInterfaceObjectWithoutKey() {
        var result = compose(
                "no-key",
                UnaryOperator.identity(),
                reviews -> reviews.replace(
                        "type Media @key(fields: \"id\") @interfaceObject", "type Media @interfaceObject"));

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.output()).contains("ERROR INTERFACE_OBJECT_USAGE_ERROR");
    }

    @Test
    void apolloRejectsAnImplementationWithoutTheInterfaceKey() {
        var result = compose(
                "implementation-without-key",
                media -> media.replace(
                        "type Movie implements Media @key(fields: \"id\")", "type Movie implements Media"),
                UnaryOperator.identity());

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.output()).contains("ERROR INTERFACE_KEY_NOT_ON_IMPLEMENTATION");
    }

    private static Node.Result compose(String name, UnaryOperator<String> media, UnaryOperator<String> reviews) {
        var node = Node.require();
        var dir = dir(name);
        try {
            Files.createDirectories(dir);
            Files.writeString(dir.resolve("media.graphql"), media.apply(resource("media")));
            Files.writeString(dir.resolve("reviews.graphql"), reviews.apply(resource("reviews")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return node.run(
                Duration.ofMinutes(2),
                "compose.mjs",
                "media=" + dir.resolve("media.graphql"),
                "reviews=" + dir.resolve("reviews.graphql"),
                "--out",
                dir.resolve("supergraph.graphql").toString());
    }

    private static Path dir(String name) {
        return Path.of(System.getProperty("atlas.system.workDir", "target"))
                .resolve("interface-object")
                .resolve(name)
                .toAbsolutePath();
    }

    private static String resource(String name) {
        try (var in = InterfaceObjectCompositionTests.class.getResourceAsStream(
                "/federation/interface-object/" + name + ".graphqls")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
