package com.refractoryatlas.importer.parse;

import com.refractoryatlas.importer.parse.pdf.PdfReader;
import com.refractoryatlas.importer.parse.pdf.PdfReading;
import com.refractoryatlas.importer.parse.pdf.PdfSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.AuxCounters;
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
 * PDF reading throughput on one thread: the published PDFs in {@code src/test/resources/pdf} (36 pages: a
 * two-column ACL paper, a PLOS ONE article, a Royal Society Open Science article), read from bytes to a layout
 * each operation. The {@code pages} counter is pages read per second (target: at least 20).
 *
 * <p>Run on an idle machine: {@code ./mvnw -pl import-service -Pjmh test-compile exec:exec
 * -Djmh.args="PdfBenchmark -wi 3 -i 5 -f 1"}.
 */
@State(Scope.Benchmark)
@Threads(1)
public class PdfBenchmark {

    private final List<byte[]> pdfs = new ArrayList<>();
    private PdfReader reader;

    /** Pages read, reported by JMH as a rate beside the operations. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    public static class Pages {
        public long pages;
    }

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        Path dir = Path.of(System.getProperty("atlas.pdfs", "src/test/resources/pdf"));
        try (Stream<Path> files = Files.list(dir)) {
            for (Path p :
                    files.filter(f -> f.toString().endsWith(".pdf")).sorted().toList()) {
                pdfs.add(Files.readAllBytes(p));
            }
        }
        if (pdfs.isEmpty()) {
            throw new IllegalStateException("no PDFs in " + dir.toAbsolutePath());
        }
        reader = new PdfReader(PdfSettings.defaults());
        System.out.printf("%n[pdf-benchmark] %d PDFs per operation from %s%n", pdfs.size(), dir);
    }

    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    public void readPublishedPdfs(Pages pages, Blackhole bh) {
        for (byte[] pdf : pdfs) {
            PdfReading reading = reader.read(pdf);
            if (!(reading instanceof PdfReading.Read read)) {
                throw new IllegalStateException("a benchmark PDF was not read: " + reading);
            }
            pages.pages += read.layout().pages();
            bh.consume(read.layout());
        }
    }
}
