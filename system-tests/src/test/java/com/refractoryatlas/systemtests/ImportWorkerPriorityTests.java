package com.refractoryatlas.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The import service parses at the lowest OS priority and answers requests at normal priority, as launched (the JVM
 * flags the launchers give it, see {@code ImportWorker}): after one import, every thread of the job pool has nice
 * value 19 and the threads serving HTTP keep 0. Read from {@code /proc}, so Linux only.
 */
@ExtendWith(AtlasSystemExtension.class)
class ImportWorkerPriorityTests {

    private static final Path PROC = Path.of("/proc");

    @Test
    void parsingThreadsRunAtNice19AndRequestThreadsAtNormalPriority(AtlasSystem system) throws IOException {
        Assumptions.assumeTrue(Files.isDirectory(PROC.resolve("self/task")), "needs Linux /proc");
        var importer = new GraphQl(system.subgraphUrl(AtlasSystem.IMPORT), SeedData.IMPORTER_HEADERS);
        Capabilities.requireRootFields(importer.url(), "Mutation", "importDocument");
        var job = SeedData.importDocument(importer, "priority-probe.md", """
                        # Super-refractory status epilepticus

                        Super-refractory status epilepticus continues despite anaesthetic treatment. Ketamine and
                        the ketogenic diet are used as rescue therapies when midazolam and propofol have failed.
                        """).orElseThrow();
        SeedData.awaitJobs(importer, List.of(job), Duration.ofMinutes(2));
        var pid = system.processHandles().get(AtlasSystem.IMPORT).pid();

        var niceByThread = niceByThreadName(pid);

        assertThat(niceByThread).as("threads of the import service").containsKey("import-job-0");
        niceByThread.forEach((thread, nice) -> {
            if (thread.startsWith("import-job-")) {
                assertThat(nice).as(thread).isEqualTo(19);
            }
        });
        assertThat(niceByThread.entrySet().stream()
                        .filter(e -> e.getKey().contains("CompilerThre"))
                        .map(Map.Entry::getValue))
                .as("the JIT's threads (C1, C2), at normal priority like the requests")
                .isNotEmpty()
                .containsOnly(0);
        assertThat(niceByThread.entrySet().stream()
                        .filter(e -> e.getKey().startsWith("ForkJoinPool")
                                || e.getKey().contains("http"))
                        .map(Map.Entry::getValue))
                .as("the threads that serve HTTP (Tomcat's poller, the virtual threads' carriers)")
                .isNotEmpty()
                .containsOnly(0);
    }

    /** Thread name (as the kernel keeps it, 15 characters at most) to nice value, from /proc/PID/task/TID/stat. */
    private static Map<String, Integer> niceByThreadName(long pid) throws IOException {
        var result = new LinkedHashMap<String, Integer>();
        try (Stream<Path> tasks = Files.list(PROC.resolve(Long.toString(pid)).resolve("task"))) {
            for (var task : tasks.toList()) {
                var stat = Files.readString(task.resolve("stat"));
                // pid (comm) state ppid ...: comm may hold spaces and parentheses, the fields follow the last ')'
                var name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
                var fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                // field 19 of stat is the nice value; fields[0] here is field 3 (state)
                result.putIfAbsent(name, Integer.parseInt(fields[19 - 3]));
            }
        }
        return result;
    }
}
