package com.refractoryatlas.importer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the command does before and around the service; importing through a real gateway is shown by the system
 * test {@code CuratorImportTests}.
 */
class ImportCommandTests {

    @TempDir
    Path folder;

    @Test
    void refusesToRunWithoutATokenAndSaysHowToGetOne() throws IOException {
        Files.writeString(folder.resolve("a.txt"), "x");

        var run = ImportCommandRunner.run(folder.toString(), "--token", " ");

        assertThat(run.exitCode()).isEqualTo(ImportCommand.EXIT_CANNOT_RUN);
        assertThat(run.output()).contains("No token", "ATLAS_TOKEN", "./atlas token --role importer");
    }

    @Test
    void saysTheGatewayCannotBeReachedInsteadOfFailingEveryDocument() throws IOException {
        Files.writeString(folder.resolve("a.txt"), "x");
        Files.writeString(folder.resolve("b.txt"), "y");
        int closedPort;
        try (var socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }

        var run = ImportCommandRunner.run(
                folder.toString(), "--token", "t", "--url", "http://127.0.0.1:" + closedPort + "/graphql");

        assertThat(run.exitCode()).isEqualTo(ImportCommand.EXIT_CANNOT_RUN);
        assertThat(run.output()).contains("could not run", "UNREACHABLE", "127.0.0.1:" + closedPort);
    }

    @Test
    void stopsAsUnreachableWhenTheGatewayDoesNotAnswerWithinTheRequestTimeout() throws IOException {
        Files.writeString(folder.resolve("a.txt"), "x");
        var release = new CountDownLatch(1);
        var gateway = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        gateway.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        gateway.createContext("/graphql", exchange -> {
            try {
                // far past the timeout: a command that waits for this answer ignored --request-timeout
                release.await(20, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.sendResponseHeaders(503, -1);
            exchange.close();
        });
        gateway.start();
        try {
            var run = ImportCommandRunner.run(
                    folder.toString(),
                    "--token",
                    "t",
                    "--request-timeout",
                    "PT0.5S",
                    "--url",
                    "http://127.0.0.1:" + gateway.getAddress().getPort() + "/graphql");

            assertThat(run.exitCode()).isEqualTo(ImportCommand.EXIT_CANNOT_RUN);
            assertThat(run.output()).contains("could not run", "UNREACHABLE", "no complete answer within PT0.5S");
        } finally {
            release.countDown();
            gateway.stop(0);
        }
    }

    @Test
    void refusesATimeoutThatWouldWaitForever() throws IOException {
        Files.writeString(folder.resolve("a.txt"), "x");

        var run = ImportCommandRunner.run(folder.toString(), "--token", "t", "--request-timeout", "PT0S");

        assertThat(run.exitCode()).isEqualTo(ImportCommand.EXIT_CANNOT_RUN);
        assertThat(run.output()).contains("--request-timeout must be positive");
    }

    @Test
    void listsAFileTheGatewayRefusesAsRefusedWithItsCodeOnceAndExitsOne() throws IOException {
        Files.writeString(folder.resolve("big.txt"), "a document");
        var gateway = com.sun.net.httpserver.HttpServer.create(new java.net.InetSocketAddress("127.0.0.1", 0), 0);
        gateway.createContext("/graphql", exchange -> {
            var request = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            boolean submit = request.contains("importDocument(");
            var answer = submit
                    ? "{\"errors\":[{\"message\":\"The request body is larger than 14,680,064 bytes (limit: request"
                            + " bytes)\",\"extensions\":{\"code\":\"PAYLOAD_TOO_LARGE\"}}]}"
                    : "{\"data\":{\"importJobs\":{\"edges\":[]}}}";
            var bytes = answer.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(submit ? 413 : 200, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        gateway.start();
        try {
            var run = ImportCommandRunner.run(
                    folder.toString(),
                    "--token",
                    "t",
                    "--url",
                    "http://127.0.0.1:" + gateway.getAddress().getPort() + "/graphql");

            assertThat(run.exitCode()).isEqualTo(1);
            assertThat(run.output())
                    .contains("REFUSED", "PAYLOAD_TOO_LARGE: The request body is larger than 14,680,064 bytes")
                    .doesNotContain("PAYLOAD_TOO_LARGE: PAYLOAD_TOO_LARGE");
        } finally {
            gateway.stop(0);
        }
    }

    @Test
    void theChecksumIsTheSha256OfTheFileBytes() {
        assertThat(ImportCommand.sha256("abc".getBytes(StandardCharsets.UTF_8)))
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }
}
