package com.refractoryatlas.importer.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code java -jar import-service.jar import <folder> [--url ...]}: submits every file of a folder to a running
 * import service over its GraphQL API (so the imports are ordinary, durable jobs that survive this command being
 * stopped), shows a progress bar while the jobs run and prints a summary table. Exit code 0 when every document was
 * imported, 1 when some failed, 2 when the jobs did not finish in time or the service could not be reached.
 */
@Command(
        name = ImportCommand.NAME,
        mixinStandardHelpOptions = true,
        description = "Imports every file of a folder through a running import service and prints a summary.")
public final class ImportCommand implements Callable<Integer> {

    public static final String NAME = "import";

    static final int EXIT_OK = 0;
    static final int EXIT_SOME_FAILED = 1;
    static final int EXIT_UNFINISHED = 2;

    @Parameters(index = "0", description = "Folder holding the documents (plain text, UTF-8).")
    Path folder = Path.of(".");

    @Option(names = "--url", description = "The import service's GraphQL endpoint (default: ${DEFAULT-VALUE}).")
    URI url = URI.create(System.getenv().getOrDefault("IMPORT_URL", "http://localhost:8083/graphql"));

    @Option(names = "--token", description = "Internal service credential (default: $ATLAS_SERVICE_TOKEN).")
    String token = System.getenv().getOrDefault("ATLAS_SERVICE_TOKEN", "local-dev-service-token");

    @Option(names = "--timeout", description = "How long to wait for the jobs to finish (default: ${DEFAULT-VALUE}).")
    Duration timeout = Duration.ofMinutes(10);

    @Option(names = "--poll", description = "How often to ask for the jobs' status (default: ${DEFAULT-VALUE}).")
    Duration poll = Duration.ofMillis(500);

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
        var files = filesOf(folder);
        if (files.isEmpty()) {
            out.println("No files in " + folder);
            return EXIT_OK;
        }
        var client = new ImportServiceClient(url, token, "importer");
        var submitted = submitAll(client, files);
        var jobs = awaitJobs(client, new ArrayList<>(submitted.values()));
        new SummaryTable(out).print(jobs);
        if (jobs.stream().anyMatch(job -> !job.finished())) {
            out.println("Some jobs had not finished after " + timeout + "; they go on in the service.");
            return EXIT_UNFINISHED;
        }
        return jobs.stream().allMatch(job -> "SUCCEEDED".equals(job.status())) ? EXIT_OK : EXIT_SOME_FAILED;
    }

    private Map<Path, String> submitAll(ImportServiceClient client, List<Path> files)
            throws IOException, InterruptedException {
        var ids = new LinkedHashMap<Path, String>();
        for (var file : files) {
            var text = read(file);
            ids.put(
                    file,
                    submitWhenQueueHasRoom(client, file.getFileName().toString(), text)
                            .id());
        }
        return ids;
    }

    private ImportServiceClient.Submitted submitWhenQueueHasRoom(ImportServiceClient client, String source, String text)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            try {
                return client.submit(source, text);
            } catch (ImportServiceClient.ServiceError e) {
                if (!ImportServiceClient.QUEUE_FULL.equals(e.code()) || System.nanoTime() > deadline) {
                    throw e;
                }
                Thread.sleep(poll.toMillis());
            }
        }
    }

    private List<ImportServiceClient.Job> awaitJobs(ImportServiceClient client, List<String> ids)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<ImportServiceClient.Job> jobs = client.jobs(ids);
        try (ProgressBar bar = new ProgressBarBuilder()
                .setTaskName("Importing")
                .setInitialMax(ids.size())
                .setUnit(" docs", 1)
                .build()) {
            while (true) {
                long done =
                        jobs.stream().filter(ImportServiceClient.Job::finished).count();
                bar.stepTo(done);
                if (done == ids.size() || System.nanoTime() > deadline) {
                    return jobs;
                }
                Thread.sleep(poll.toMillis());
                jobs = client.jobs(ids);
            }
        }
    }

    private static List<Path> filesOf(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            throw new CommandLine.ParameterException(
                    new CommandLine(new ImportCommand(new PrintWriter(System.err))), "Not a folder: " + folder);
        }
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.filter(Files::isRegularFile)
                    .filter(file -> !file.getFileName().toString().startsWith("."))
                    .sorted()
                    .toList();
        }
    }

    /** UTF-8 with invalid bytes replaced by U+FFFD: the service then reports the encoding error on the job. */
    private static String read(Path file) throws IOException {
        var decoder = StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE);
        return decoder.decode(ByteBuffer.wrap(Files.readAllBytes(file))).toString();
    }
}
