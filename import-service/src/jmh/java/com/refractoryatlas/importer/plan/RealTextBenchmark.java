package com.refractoryatlas.importer.plan;

import com.refractoryatlas.importer.ImportProperties;
import com.refractoryatlas.importer.extract.KnowledgeExtractor;
import com.refractoryatlas.importer.extract.Vocabulary;
import com.refractoryatlas.importer.parse.DocumentParser;
import com.refractoryatlas.importer.parse.ParsedDocument;
import com.refractoryatlas.importer.parse.ParserSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.infra.Blackhole;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/**
 * Throughput on one thread over real documents rather than the seeds: the evaluation corpus's dev split
 * ({@code src/test/resources/corpus/dev}), either the pdftotext output of its published PDFs ({@code pdftotext}:
 * reading order; {@code pdftotext-raw}: content-stream order, close to copy-paste) or its JATS XML ({@code jats}).
 * {@code parse} reads each document; {@code parseAndExtract} also extracts knowledge from its body; {@code plan} runs what an import job runs: {@link ParserDocumentPlanner} (format
 * detection, parsing, knowledge extraction on the body, the writes planned). The {@code bytes} counter is bytes read
 * per second: divide by 1,000,000 for MB/s (target: at least 10 for text). The setup prints bytes per operation.
 *
 * <p>Run on an idle machine: {@code ./mvnw -B -ntp -o -pl import-service -Pjmh test-compile exec:exec
 * -Djmh.args="RealTextBenchmark -wi 2 -i 3 -f 1 -w 4s -r 4s"}.
 */
@State(Scope.Benchmark)
@Threads(1)
public class RealTextBenchmark {

    private static final String TWENTY_MB = "20MB";

    /** Which documents of the corpus one operation reads. */
    @Param({"pdftotext", "pdftotext-raw", "jats"})
    public String corpus;

    private final List<byte[]> documents = new ArrayList<>();
    private DocumentParser parser;
    private DocumentPlanner planner;
    private KnowledgeExtractor extractor;

    /** Bytes read, reported by JMH as a rate beside the operations. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    public static class Bytes {
        public long bytes;
    }

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        Path dir = Path.of(System.getProperty("atlas.corpus", "src/test/resources/corpus/dev"));
        String suffix =
                switch (corpus) {
                    case "pdftotext" -> ".pdftotext.txt";
                    case "pdftotext-raw" -> ".pdftotext-raw.txt";
                    case "jats" -> ".xml";
                    default -> throw new IllegalArgumentException("unknown corpus " + corpus);
                };
        long total = 0;
        try (Stream<Path> files = Files.list(dir)) {
            for (Path p : files.filter(f -> f.getFileName().toString().endsWith(suffix))
                    .sorted()
                    .toList()) {
                byte[] bytes = Files.readAllBytes(p);
                documents.add(bytes);
                total += bytes.length;
            }
        }
        if (documents.isEmpty()) {
            throw new IllegalStateException("no " + suffix + " documents in " + dir.toAbsolutePath());
        }
        ImportProperties properties = new Binder(
                        new MapConfigurationPropertySource(Map.of("atlas.import.limits.document-bytes", TWENTY_MB)))
                .bindOrCreate("atlas.import", ImportProperties.class);
        planner = new ParserDocumentPlanner(properties);
        parser = new DocumentParser(ParserSettings.defaults()
                .withMaxBytes(properties.limits().documentBytes().toBytes()));
        extractor = new KnowledgeExtractor(Vocabulary.bundled());
        List<String> refused = new ArrayList<>();
        for (byte[] document : documents) {
            if (planner.plan("corpus", document, null) instanceof DocumentPlan.Reject reject) {
                refused.add(reject.errors().stream()
                        .map(DocumentPlan.Issue::code)
                        .distinct()
                        .toList()
                        .toString());
            }
        }
        System.out.printf(
                "%n[real-text-benchmark] %s: %d documents, %d bytes per operation; %d refused by the planner %s%n",
                corpus, documents.size(), total, refused.size(), refused);
    }

    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    public void parse(Bytes bytes, Blackhole bh) {
        for (byte[] document : documents) {
            ParsedDocument parsed = parser.parse("corpus", document, null);
            bytes.bytes += document.length;
            bh.consume(parsed);
        }
    }

    /** Parsing then knowledge extraction on the parsed body, every document (refused ones too). */
    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    public void parseAndExtract(Bytes bytes, Blackhole bh) {
        for (byte[] document : documents) {
            ParsedDocument parsed = parser.parse("corpus", document, null);
            bh.consume(ParserDocumentPlanner.extract(extractor, parsed));
            bytes.bytes += document.length;
        }
    }

    /** What the job runs: a refused document is parsed and not extracted. */
    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    public void plan(Bytes bytes, Blackhole bh) {
        for (byte[] document : documents) {
            DocumentPlan plan = planner.plan("corpus", document, null);
            bytes.bytes += document.length;
            bh.consume(plan);
        }
    }
}
