package com.refractoryatlas.importer.parse;

import com.refractoryatlas.importer.extract.KnowledgeExtractor;
import com.refractoryatlas.importer.extract.TextParagraph;
import com.refractoryatlas.importer.extract.TextSentence;
import com.refractoryatlas.importer.extract.Vocabulary;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Parse (and parse-then-extract) throughput on one thread: the five seed documents, and one generated 10 MB article (the size
 * limit raised for it). MB/s = bytes per operation / time per operation; the setup prints bytes per operation.
 *
 * <p>Run: {@code ./mvnw -pl import-service -Pjmh test-compile exec:exec -Djmh.args="-wi 2 -i 3 -f 1"}.
 */
@State(Scope.Benchmark)
@Threads(1)
public class ParserBenchmark {

    private static final long TEN_MB = 10L * 1024 * 1024;

    private final List<byte[]> seeds = new ArrayList<>();
    private long seedBytes;
    private byte[] large;
    private DocumentParser parser;
    private DocumentParser largeParser;
    private KnowledgeExtractor extractor;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        Path dir = Path.of(System.getProperty("atlas.seeds", "../samples/seeds"));
        try (Stream<Path> files = Files.list(dir)) {
            for (Path p :
                    files.filter(f -> f.toString().endsWith(".txt")).sorted().toList()) {
                byte[] bytes = Files.readAllBytes(p);
                seeds.add(bytes);
                seedBytes += bytes.length;
            }
        }
        parser = new DocumentParser(ParserSettings.defaults());
        largeParser = new DocumentParser(ParserSettings.defaults().withMaxBytes(2 * TEN_MB));
        extractor = new KnowledgeExtractor(Vocabulary.bundled());
        large = generate(new String(seeds.get(0), StandardCharsets.UTF_8));
        System.out.printf(
                "%n[parser-benchmark] seeds: %d documents, %d bytes per operation; large: %d bytes%n",
                seeds.size(), seedBytes, large.length);
    }

    /** A markdown article of about 10 MB: the first seed's body repeated, then its reference list and footer. */
    static byte[] generate(String seed) {
        int refs = seed.indexOf("## References");
        int body = seed.indexOf("## Introduction");
        String front = seed.substring(0, body);
        String sections = seed.substring(body, refs);
        StringBuilder out = new StringBuilder(front);
        while (out.length() < TEN_MB - seed.length()) {
            out.append(sections);
        }
        out.append(seed.substring(refs));
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    public void seedDocuments(Blackhole bh) {
        for (byte[] seed : seeds) {
            bh.consume(parser.parse("seed.txt", seed));
        }
    }

    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public ParsedDocument generatedTenMegabytes() {
        ParsedDocument doc = largeParser.parse("large.txt", large);
        if (!(doc instanceof JournalArticle)) {
            throw new IllegalStateException("the generated document was not read as an article: " + doc.issues());
        }
        return doc;
    }

    /** Parsing then knowledge extraction on the parsed body, as the import planner does. */
    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    public void seedDocumentsWithExtraction(Blackhole bh) {
        for (byte[] seed : seeds) {
            ParsedDocument doc = parser.parse("seed.txt", seed);
            List<TextParagraph> paragraphs = DocumentBody.of(doc).stream()
                    .map(p -> new TextParagraph(
                            p.heading(),
                            p.sentences().stream()
                                    .map(s -> new TextSentence(s.text(), s.citations(), s.line()))
                                    .toList()))
                    .toList();
            bh.consume(extractor.extract(paragraphs));
        }
    }
}
