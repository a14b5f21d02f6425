package com.refractoryatlas.k8s;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Renders a kustomization with {@code kubectl kustomize}, exactly what {@code kubectl apply -k} would send. Where no
 * kubectl is installed the calling test is skipped (a JUnit assumption), never passed silently.
 */
final class Kustomize {

    private static final long TIMEOUT_SECONDS = 120;

    private Kustomize() {}

    /** The k8s module directory (where base/ and overlays/ live). */
    static Path moduleDirectory() {
        return Path.of(System.getProperty("basedir", System.getProperty("user.dir")))
                .toAbsolutePath();
    }

    /** {@code $KUBECTL} when set (only that one: set it to a missing path to skip), else PATH or the usual places. */
    static Optional<Path> kubectl() {
        String configured = System.getenv("KUBECTL");
        if (configured != null && !configured.isBlank()) {
            return Optional.of(Path.of(configured)).filter(Files::isExecutable);
        }
        Stream<Path> onPath = Stream.of(
                        Objects.requireNonNullElse(System.getenv("PATH"), "").split(File.pathSeparator))
                .filter(directory -> !directory.isBlank())
                .map(directory -> Path.of(directory, "kubectl"));
        return Stream.concat(onPath, Stream.of(Path.of("/usr/bin/kubectl"), Path.of("/usr/local/bin/kubectl")))
                .filter(Files::isExecutable)
                .findFirst();
    }

    /** Renders {@code overlays/<name>} (or any directory under the module) and parses every object. */
    static List<Manifest> render(String directory) {
        Optional<Path> kubectl = kubectl();
        assumeTrue(
                kubectl.isPresent(),
                "kubectl not found (PATH, $KUBECTL, /usr/bin/kubectl): skipping the rendering of k8s/" + directory);
        return Manifest.parseAll(run(kubectl.get(), moduleDirectory().resolve(directory)));
    }

    private static String run(Path kubectl, Path directory) {
        try {
            Path output = Files.createTempFile("kustomize-", ".yaml");
            Path errors = Files.createTempFile("kustomize-", ".err");
            try {
                Process process = new ProcessBuilder(kubectl.toString(), "kustomize", directory.toString())
                        .redirectOutput(output.toFile())
                        .redirectError(errors.toFile())
                        .start();
                if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                    throw new IllegalStateException("kubectl kustomize " + directory + " timed out");
                }
                if (process.exitValue() != 0) {
                    throw new IllegalStateException("kubectl kustomize " + directory + " failed: "
                            + Files.readString(errors, StandardCharsets.UTF_8));
                }
                return Files.readString(output, StandardCharsets.UTF_8);
            } finally {
                Files.deleteIfExists(output);
                Files.deleteIfExists(errors);
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + kubectl, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while rendering " + directory, e);
        }
    }
}
