package com.refractoryatlas.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Entity interfaces and {@code @interfaceObject} answered by our gateway (the built jar) and by {@code @apollo/gateway}
 * in front of the same two subgraphs ({@code src/test/node/interface-object-subgraphs.mjs}: {@code media} with
 * {@code interface Media @key(fields: "id")}, {@code reviews} with {@code type Media @interfaceObject}, the SDLs of
 * {@code src/test/resources/federation/interface-object}); the answers must be the same JSON ({@link Answers}). The
 * project's running subgraphs have no entity interface, so {@link FederationDifferentialTests} cannot ask one.
 */
class InterfaceObjectDifferentialTests {

    private static final Duration READY_TIMEOUT = Duration.ofSeconds(Long.getLong("atlas.system.readySeconds", 480));
    private static final List<String> SUBGRAPHS = List.of("media", "reviews");

    /** The gateway tests' operations: through the interface, concrete fragments, __typename, objects of reviews. */
    private static final Map<String, String> OPERATIONS = new LinkedHashMap<>();

    static {
        OPERATIONS.put("interface-field-of-interface-object", "{ media { id title rating } }");
        OPERATIONS.put(
                "concrete-fragments",
                "{ media { __typename ... on Book { author rating } ... on Movie { director reviews } } }");
        OPERATIONS.put("concrete-root-field", "{ book(id: \"b2\") { title rating reviews } }");
        OPERATIONS.put(
                "interface-objects-with-concrete-fragments",
                "{ topRated { __typename id rating title ... on Movie { director } ... on Book { author reviews } } }");
        OPERATIONS.put("interface-objects-typename", "{ topRated { __typename } }");
        OPERATIONS.put(
                "interface-object-unknown-to-interface-subgraph", "{ reviewed(id: \"zz\") { __typename rating } }");
        OPERATIONS.put("interface-object-own-fields", "{ reviewed(id: \"b1\") { rating reviews } }");
        OPERATIONS.put(
                "both-directions", "{ topRated { title ... on Book { reviews } } media { t: __typename rating } }");
    }

    private static final List<ServiceProcess> STARTED = new ArrayList<>();
    private static URI ours;
    private static URI apollo;

    @BeforeAll
    static void start() {
        var settings = AtlasSystem.Settings.fromSystemProperties();
        Assumptions.assumeTrue(
                Files.isRegularFile(settings.jar(AtlasSystem.GATEWAY)),
                () -> "needs the gateway jar built first (./mvnw -pl gateway -am package -DskipTests); missing: "
                        + settings.jar(AtlasSystem.GATEWAY));
        var node = Node.require();
        var subgraphPort = Ports.free();
        launch(new ServiceProcess(
                "interface-object-subgraphs",
                List.of(
                        "node",
                        node.dir().resolve("interface-object-subgraphs.mjs").toString(),
                        String.valueOf(subgraphPort),
                        Path.of("src/test/resources/federation/interface-object")
                                .toAbsolutePath()
                                .toString()),
                Map.of(),
                subgraphPort,
                settings.logs().resolve("interface-object-subgraphs.log"),
                "/health"));
        var oursPort = Ports.free();
        var command = new ArrayList<String>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(List.of(settings.jvmOptions().trim().split("\\s+")));
        command.addAll(List.of(
                "-jar",
                settings.jar(AtlasSystem.GATEWAY).toString(),
                "--server.port=" + oursPort,
                "--server.address=127.0.0.1"));
        for (var i = 0; i < SUBGRAPHS.size(); i++) {
            command.add("--atlas.gateway.subgraphs[%d].name=%s".formatted(i, SUBGRAPHS.get(i)));
            command.add("--atlas.gateway.subgraphs[%d].url=%s".formatted(i, subgraph(subgraphPort, SUBGRAPHS.get(i))));
        }
        var environment = new LinkedHashMap<String, String>();
        environment.put("ATLAS_SERVICE_TOKEN", AtlasSystem.SERVICE_TOKEN);
        environment.put("ATLAS_RATE_LIMIT_ENABLED", "false");
        environment.putAll(AtlasSystem.environmentOverrides(AtlasSystem.GATEWAY));
        var gateway = launch(new ServiceProcess(
                "interface-object-ours",
                command,
                environment,
                oursPort,
                settings.logs().resolve("interface-object-ours.log"),
                "/actuator/health/readiness"));
        ours = URI.create("http://127.0.0.1:" + gateway.port() + "/graphql");
        var apolloPort = Ports.free();
        var apolloCommand = new ArrayList<>(
                List.of("node", node.dir().resolve("apollo-gateway.mjs").toString(), String.valueOf(apolloPort)));
        SUBGRAPHS.forEach(name -> apolloCommand.add(name + "=" + subgraph(subgraphPort, name)));
        var apolloProcess = launch(new ServiceProcess(
                "interface-object-apollo",
                apolloCommand,
                Map.of("NODE_ENV", "production"),
                apolloPort,
                settings.logs().resolve("interface-object-apollo.log"),
                null));
        apollo = URI.create("http://127.0.0.1:" + apolloPort + "/");
        GuildSystem.awaitGraphQl(apolloProcess, apollo);
    }

    @AfterAll
    static void stop() {
        var reversed = new ArrayList<>(STARTED);
        java.util.Collections.reverse(reversed);
        reversed.forEach(ServiceProcess::stop);
        STARTED.clear();
    }

    @TestFactory
    Stream<DynamicTest> ourGatewayAnswersLikeApollosGateway() {
        var oursClient = new GraphQl(ours);
        var apolloClient = new GraphQl(apollo);
        return OPERATIONS.entrySet().stream()
                .map(operation -> DynamicTest.dynamicTest(operation.getKey(), () -> {
                    var apolloAnswer = apolloClient.query(operation.getValue());
                    var ourAnswer = oursClient.query(operation.getValue());
                    assertThat(apolloAnswer.errors().isEmpty())
                            .as("Apollo answers " + operation.getKey() + " without errors: " + apolloAnswer.body())
                            .isTrue();
                    assertThat(apolloAnswer.data().isObject())
                            .as("Apollo answers data: " + apolloAnswer.body())
                            .isTrue();
                    Answers.assertSame(operation.getKey(), ourAnswer, apolloAnswer);
                }));
    }

    private static String subgraph(int port, String name) {
        return "http://127.0.0.1:" + port + "/" + name;
    }

    private static ServiceProcess launch(ServiceProcess process) {
        STARTED.add(process);
        process.start();
        process.awaitReady(READY_TIMEOUT);
        return process;
    }
}
