package com.refractoryatlas.importer.cli;

import com.refractoryatlas.importer.cli.AtlasClient.Job;
import com.refractoryatlas.importer.cli.AtlasClient.ServiceError;
import com.refractoryatlas.importer.cli.DocumentFiles.DocumentFile;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code ./atlas import <file-or-folder>...} (or {@code java -jar import-service.jar import ...}): sends documents
 * to the gateway's public GraphQL API with the curator's bearer token, so that each becomes an ordinary, durable
 * import job that survives this command being stopped; shows a progress bar while the jobs run and prints a summary
 * table. A document whose exact bytes were imported before is not sent again: the table names the job and the
 * article that hold it.
 */
@Command(
        name = ImportCommand.NAME,
        mixinStandardHelpOptions = true,
        description = {
            "Imports documents (files, or every document of a folder) through the gateway and prints a summary.",
            "Exit codes: 0 every document imported (or already there), 1 some document failed or was refused,",
            "2 some jobs had not finished in time, 3 the import could not run (no token, token refused, gateway"
                    + " unreachable)."
        })
public final class ImportCommand implements Callable<Integer> {

    public static final String NAME = "import";

    static final int EXIT_OK = 0;
    static final int EXIT_SOME_FAILED = 1;
    static final int EXIT_UNFINISHED = 2;
    static final int EXIT_CANNOT_RUN = 3;

    private static final Set<String> FATAL_CODES = Set.of("UNAUTHENTICATED", "FORBIDDEN", AtlasClient.UNREACHABLE);
    private static final Set<String> WAIT_CODES = Set.of(AtlasClient.QUEUE_FULL, AtlasClient.RATE_LIMITED);
    private static final String GET_A_TOKEN =
            "For the local stack: export ATLAS_TOKEN=$(./atlas token --role importer);"
                    + " in production ask your identity provider (see README, \"Importing documents\").";

    @Parameters(arity = "1..*", paramLabel = "FILE_OR_FOLDER", description = "Documents, or folders of documents.")
    List<Path> paths = List.of();

    @Option(
            names = "--url",
            description = "The gateway's GraphQL endpoint (default: $ATLAS_URL, else ${DEFAULT-VALUE}).")
    URI url = URI.create(System.getenv().getOrDefault("ATLAS_URL", "http://localhost:8080/graphql"));

    @Option(
            names = "--token",
            description = "Bearer token with role importer (default: $ATLAS_TOKEN).",
            defaultValue = "${env:ATLAS_TOKEN}")
    String token = "";

    @Option(names = "--recursive", description = "Also import the documents of sub-folders.")
    boolean recursive;

    @Option(names = "--timeout", description = "How long to wait for the jobs to finish (default: ${DEFAULT-VALUE}).")
    Duration timeout = Duration.ofMinutes(10);

    @Option(names = "--poll", description = "How often to ask for the jobs' status (default: ${DEFAULT-VALUE}).")
    Duration poll = Duration.ofMillis(500);

    @Option(
            names = "--connect-timeout",
            description = "How long to wait for the gateway to accept a connection (default: ${DEFAULT-VALUE}).")
    Duration connectTimeout = Duration.ofSeconds(10);

    @Option(
            names = "--request-timeout",
            description = "How long one call to the gateway may take, to the end of its answer"
                    + " (default: ${DEFAULT-VALUE}); past it the gateway counts as unreachable.")
    Duration requestTimeout = Duration.ofMinutes(2);

    @Option(
            names = "--max-file-size",
            description = "Files larger than this many bytes are skipped without sending (default: ${DEFAULT-VALUE};"
                    + " the service applies its own, smaller document limit).")
    long maxFileSize = 16L * 1024 * 1024;

    private final PrintWriter out;

    ImportCommand(PrintWriter out) {
        this.out = out;
    }

    /** Runs the command with {@code args} (the words after {@code import}) and returns its exit code. */
    public static int run(String... args) {
        var out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
        return new CommandLine(new ImportCommand(out)).execute(args);
    }

    @Override
    public Integer call() throws IOException, InterruptedException {
        if (token == null || token.isBlank()) {
            out.println("No token: pass --token or set ATLAS_TOKEN. " + GET_A_TOKEN);
            return EXIT_CANNOT_RUN;
        }
        if (!isPositive(connectTimeout) || !isPositive(requestTimeout)) {
            out.println("--connect-timeout and --request-timeout must be positive durations, such as PT10S.");
            return EXIT_CANNOT_RUN;
        }
        var selection = DocumentFiles.select(paths, recursive);
        var outcomes = new ArrayList<FileOutcome>();
        selection
                .skipped()
                .forEach(s -> outcomes.add(new FileOutcome.Skipped(s.path().toString(), s.reason())));
        try (var client = new AtlasClient(url, token.strip(), connectTimeout, requestTimeout)) {
            for (var document : selection.documents()) {
                outcomes.add(importOne(client, document));
            }
            follow(client, outcomes);
        } catch (ServiceError e) {
            out.println("The import could not run: " + e.getMessage());
            if (!AtlasClient.UNREACHABLE.equals(e.code())) {
                out.println(GET_A_TOKEN);
            }
            return EXIT_CANNOT_RUN;
        }
        new SummaryTable(out).print(outcomes);
        return exitCode(outcomes);
    }

    private static boolean isPositive(Duration duration) {
        return !duration.isNegative() && !duration.isZero();
    }

    private FileOutcome importOne(AtlasClient client, DocumentFile document) throws InterruptedException {
        byte[] bytes;
        try {
            if (Files.size(document.path()) > maxFileSize) {
                return new FileOutcome.Skipped(document.source(), "larger than --max-file-size " + maxFileSize);
            }
            bytes = Files.readAllBytes(document.path());
        } catch (IOException e) {
            return new FileOutcome.Skipped(document.source(), "cannot read: " + e.getMessage());
        }
        try {
            var earlier = client.succeededImportOf(sha256(bytes));
            if (earlier.isPresent()) {
                return new FileOutcome.AlreadyImported(document.source(), earlier.get());
            }
            return new FileOutcome.Submitted(document.source(), submitWhenThereIsRoom(client, document, bytes));
        } catch (ServiceError e) {
            if (FATAL_CODES.contains(e.code())) {
                throw e;
            }
            return new FileOutcome.Refused(document.source(), e.code(), e.detail());
        }
    }

    private Job submitWhenThereIsRoom(AtlasClient client, DocumentFile document, byte[] bytes)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            try {
                return client.submit(document.source(), bytes, document.mediaType());
            } catch (ServiceError e) {
                if (!WAIT_CODES.contains(e.code()) || System.nanoTime() > deadline) {
                    throw e;
                }
                Thread.sleep(poll.toMillis());
            }
        }
    }

    /** Polls the submitted jobs until all have finished or the timeout passes, replacing each outcome's job. */
    private void follow(AtlasClient client, List<FileOutcome> outcomes) throws InterruptedException {
        var positions = new ArrayList<Integer>();
        for (int i = 0; i < outcomes.size(); i++) {
            if (outcomes.get(i) instanceof FileOutcome.Submitted) {
                positions.add(i);
            }
        }
        if (positions.isEmpty()) {
            return;
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        try (ProgressBar bar = new ProgressBarBuilder()
                .setTaskName("Importing")
                .setInitialMax(positions.size())
                .setUnit(" docs", 1)
                .build()) {
            while (true) {
                long done = positions.stream()
                        .filter(i ->
                                ((FileOutcome.Submitted) outcomes.get(i)).job().finished())
                        .count();
                bar.stepTo(done);
                if (done == positions.size() || System.nanoTime() > deadline) {
                    return;
                }
                Thread.sleep(poll.toMillis());
                refresh(client, outcomes, positions);
            }
        }
    }

    private static void refresh(AtlasClient client, List<FileOutcome> outcomes, List<Integer> positions) {
        var ids = positions.stream()
                .map(i -> ((FileOutcome.Submitted) outcomes.get(i)).job().id())
                .toList();
        var jobs = client.jobs(ids);
        for (int k = 0; k < positions.size(); k++) {
            int i = positions.get(k);
            outcomes.set(i, new FileOutcome.Submitted(outcomes.get(i).source(), jobs.get(k)));
        }
    }

    private int exitCode(List<FileOutcome> outcomes) {
        if (outcomes.stream().anyMatch(FileOutcome::failed)) {
            return EXIT_SOME_FAILED;
        }
        boolean unfinished = outcomes.stream()
                .anyMatch(o -> o instanceof FileOutcome.Submitted s && !s.job().finished());
        if (unfinished) {
            out.println("Some jobs had not finished after " + timeout + "; they go on in the service.");
            return EXIT_UNFINISHED;
        }
        return EXIT_OK;
    }

    /** The checksum the service records for a document: SHA-256 of its bytes, hex. */
    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
