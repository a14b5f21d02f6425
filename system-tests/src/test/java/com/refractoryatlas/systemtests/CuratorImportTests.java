package com.refractoryatlas.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The curator's path, as a curator runs it: {@code ./atlas token} mints a token for the local stack and
 * {@code ./atlas import} sends a folder through the gateway with it.
 */
@ExtendWith(AtlasSystemExtension.class)
class CuratorImportTests {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final long COMMAND_TIMEOUT_SECONDS = 300;

    private record Run(int exitCode, String output) {}

    @TempDir
    Path folder;

    @Test
    void aFolderImportsThroughTheGatewayAndAnIdenticalFileIsReportedAsAlreadyImported(AtlasSystem system)
            throws IOException {
        var explainer = Files.writeString(folder.resolve("explainer.md"), uniqueExplainer());
        Files.writeString(folder.resolve("empty.txt"), "\n\n \n");
        Files.writeString(folder.resolve("notes.docx"), "not a document type the import reads");
        var token =
                atlas(system, Map.of(), "token", "--role", "importer").output().strip();

        var first = atlas(system, Map.of("ATLAS_TOKEN", token), "import", folder.toString());

        assertThat(first.exitCode()).as(first.output()).isEqualTo(1);
        assertThat(first.output())
                .contains(
                        "explainer.md", "SUCCEEDED", "empty.txt", "FAILED", "EMPTY_DOCUMENT", "notes.docx", "SKIPPED");

        var again = atlas(system, Map.of("ATLAS_TOKEN", token), "import", explainer.toString());

        assertThat(again.exitCode()).as(again.output()).isZero();
        assertThat(again.output()).contains("ALREADY", "already imported by job", "article");
    }

    @Test
    void withoutAValidImporterTokenNothingIsSentAndTheCommandSaysWhy(AtlasSystem system) throws IOException {
        Files.writeString(folder.resolve("explainer.md"), uniqueExplainer());
        var reader =
                atlas(system, Map.of(), "token", "--role", "reader").output().strip();

        var none = atlas(system, Map.of(), "import", folder.toString());
        var invalid = atlas(system, Map.of("ATLAS_TOKEN", "not-a-token"), "import", folder.toString());
        var forbidden = atlas(system, Map.of("ATLAS_TOKEN", reader), "import", folder.toString());

        assertThat(none.exitCode()).as(none.output()).isEqualTo(3);
        assertThat(none.output()).contains("No token", "./atlas token --role importer");
        assertThat(invalid.exitCode()).as(invalid.output()).isEqualTo(3);
        assertThat(invalid.output()).contains("UNAUTHENTICATED");
        assertThat(forbidden.exitCode()).as(forbidden.output()).isEqualTo(3);
        assertThat(forbidden.output()).contains("FORBIDDEN");
    }

    /** A short explainer page no other test imports, so that its first import always creates a job. */
    private static String uniqueExplainer() {
        return """
                # Drug-resistant epilepsy

                Drug-resistant epilepsy is epilepsy in which two adequate trials of appropriately chosen anti-seizure
                medications have failed to achieve sustained seizure freedom. Epilepsy surgery and the ketogenic diet
                are used when medications fail. Curator import test %s.
                """.formatted(UUID.randomUUID());
    }

    private static Run atlas(AtlasSystem system, Map<String, String> environment, String... arguments) {
        var command = new ArrayList<>(List.of("bash", ROOT.resolve("atlas").toString()));
        command.addAll(List.of(arguments));
        var builder = new ProcessBuilder(command).directory(ROOT.toFile()).redirectErrorStream(true);
        builder.environment().remove("ATLAS_TOKEN");
        builder.environment().put("ATLAS_URL", system.gatewayUrl().toString());
        builder.environment().putAll(environment);
        try {
            var log = Files.createTempFile("atlas-command", ".log");
            var process = builder.redirectOutput(log.toFile()).start();
            process.getOutputStream().close();
            boolean ended = process.waitFor(COMMAND_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            if (!ended) {
                process.destroyForcibly();
            }
            var output = Files.readString(log, StandardCharsets.UTF_8);
            Files.delete(log);
            if (!ended) {
                throw new AssertionError("./atlas " + String.join(" ", arguments) + " did not end: " + output);
            }
            return new Run(process.exitValue(), output);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
