package com.refractoryatlas.importer.extract;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
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

/**
 * Knowledge extraction on its worst case, one paragraph that is one long sentence dense with conditions, therapies,
 * role cues, pattern rules ("refractory X", "X that has not responded to", each X a new condition) and mechanism
 * triggers, at two sizes: the
 * extractor is linear when {@code bytes} per second (divide by 1,000,000 for MB/s) is the same for both sizes (the
 * condition × therapy pairing of one such paragraph was once quadratic: 120 KB took 17 s).
 *
 * <p>Run on an idle machine: {@code ./mvnw -B -ntp -o -pl import-service -Pjmh test-compile exec:exec
 * -Djmh.args="ExtractionBenchmark -wi 2 -i 3 -f 1 -w 4s -r 4s"}.
 */
@State(Scope.Benchmark)
@Threads(1)
public class ExtractionBenchmark {

    private static final String[] PIECES = {
        "patients with treatment-refractory depression",
        "received ketamine as a last resort",
        "and lithium augmentation",
        "while refractory Kikuchi%s disease",
        "and pemphigus%s that has not responded to rituximab",
        "despite adequate trials of clozapine in schizophrenia",
        "showed resistance through efflux pumps",
        "and ECT remained the gold standard for epilepsy",
        "defined as failure of two lines of therapy",
    };

    /** Size of the one sentence, in kilobytes. */
    @Param({"64", "512"})
    public int kilobytes;

    private List<TextParagraph> paragraphs;
    private long bytes;
    private KnowledgeExtractor extractor;

    /** Bytes extracted, reported by JMH as a rate beside the operations. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    public static class Bytes {
        public long bytes;
    }

    @Setup(Level.Trial)
    public void setUp() {
        StringBuilder sentence = new StringBuilder();
        for (int n = 0; sentence.length() < kilobytes * 1024; n++) {
            sentence.append(String.format(PIECES[n % PIECES.length], letters(n)))
                    .append(", ");
        }
        sentence.append("end.");
        bytes = sentence.toString().getBytes(StandardCharsets.UTF_8).length;
        List<TextSentence> sentences = new ArrayList<>();
        sentences.add(new TextSentence(sentence.toString(), List.of(1, 2, 3), 1));
        paragraphs = List.of(new TextParagraph("Results", sentences));
        extractor = new KnowledgeExtractor(Vocabulary.bundled());
        Knowledge k = extractor.extract(paragraphs).knowledge();
        System.out.printf(
                "%n[extraction-benchmark] one sentence of %d bytes: %d conditions, %d therapies, %d treatments%n",
                bytes,
                k.conditions().size(),
                k.therapies().size(),
                k.treatments().size());
    }

    /** A number written in letters, so that each pattern-found condition is a new word: 0 → a, 27 → bb. */
    static String letters(int n) {
        StringBuilder out = new StringBuilder();
        int rest = n;
        do {
            out.append((char) ('a' + rest % 26));
            rest /= 26;
        } while (rest > 0);
        return out.toString();
    }

    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    public void oneLongSentence(Bytes counter, Blackhole bh) {
        bh.consume(extractor.extract(paragraphs));
        counter.bytes += bytes;
    }
}
