package com.refractoryatlas.importer.parse;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
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
 * Throughput of the structured readers on one thread, through {@link DocumentParser#parse(String, byte[], String)}
 * (format detection included): the five real JATS articles of the tests, the real reference-manager files, and a
 * generated 4 MB JATS article (one real article's body repeated) to read MB/s from. The setup prints bytes per
 * operation.
 *
 * <p>Run: {@code ./mvnw -pl import-service -Pjmh test-compile exec:exec
 * -Djmh.args="StructuredFormatsBenchmark -wi 2 -i 3 -f 1"}.
 */
@State(Scope.Benchmark)
@Threads(1)
public class StructuredFormatsBenchmark {

    private static final List<String> JATS = List.of(
            "/jats/1471-2180-11-174.nxml",
            "/jats/1472-6831-8-11.nxml",
            "/jats/ehp-116-1694.nxml",
            "/jats/pntd.0002065.nxml",
            "/jats/elife-02833-v2.xml");
    private static final List<String> BIBLIOGRAPHIES = List.of(
            "/bibliography/pubmed-parser-paper.bib",
            "/bibliography/citation-js-bibtex-input.bib",
            "/bibliography/citation-js-bibtex-csl.json",
            "/bibliography/bdarcus-rendition-references.ris",
            "/bibliography/pubmed-29768149.xml");
    private static final int LARGE_BYTES = 4 * 1024 * 1024;

    private final List<byte[]> jats = new ArrayList<>();
    private final List<byte[]> bibliographies = new ArrayList<>();
    private byte[] largeJats;
    private DocumentParser parser;

    @Setup(Level.Trial)
    public void setUp() {
        parser = new DocumentParser();
        JATS.forEach(path -> jats.add(resource(path)));
        BIBLIOGRAPHIES.forEach(path -> bibliographies.add(resource(path)));
        largeJats = large(new String(resource("/jats/elife-02833-v2.xml"), StandardCharsets.UTF_8));
        System.out.printf(
                "%n[structured-benchmark] jats: %d bytes per operation; bibliographies: %d bytes per operation;"
                        + " large jats: %d bytes%n",
                jats.stream().mapToLong(b -> b.length).sum(),
                bibliographies.stream().mapToLong(b -> b.length).sum(),
                largeJats.length);
    }

    /** The article with its body repeated until it is about {@link #LARGE_BYTES} long. */
    static byte[] large(String article) {
        int bodyStart = article.indexOf("<body>") + "<body>".length();
        int bodyEnd = article.indexOf("</body>");
        String body = article.substring(bodyStart, bodyEnd);
        StringBuilder out = new StringBuilder(article.substring(0, bodyStart));
        while (out.length() < LARGE_BYTES) {
            out.append(body);
        }
        out.append(article.substring(bodyEnd));
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] resource(String path) {
        try (InputStream in = StructuredFormatsBenchmark.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException(path + " is not on the test classpath");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    public void jatsArticles(Blackhole bh) {
        for (byte[] article : jats) {
            bh.consume(parser.parse("article.xml", article, null));
        }
    }

    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    public void referenceManagerFiles(Blackhole bh) {
        for (byte[] file : bibliographies) {
            bh.consume(parser.parse("library", file, null));
        }
    }

    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public Object largeJatsArticle() {
        return parser.parse("large.xml", largeJats, null);
    }
}
