package com.refractoryatlas.importer.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import com.refractoryatlas.importer.parse.DocumentParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The parser's accuracy on the labelled corpus of real documents, per format and split: an accuracy benchmark (no
 * timing), run with
 * {@code ./mvnw -B -ntp -o -pl import-service -am test -Pbenchmark -Dtest=CorpusEvaluationBenchmarkTests
 * -Dsurefire.failIfNoSpecifiedTests=false}. It prints the report and writes it to
 * {@code target/evaluation/report.md}. Low figures do not fail it (they are what it reports); a broken corpus (a
 * document without gold, a missing or unreadable file) does, and so does a run that scored nothing.
 *
 * <p>{@code -Datlas.evaluation.detail=<dev file name>} also writes that dev document's references beside their gold,
 * field by field, to {@code target/evaluation/<file>.md}.
 */
@Tag("benchmark")
class CorpusEvaluationBenchmarkTests {

    @Test
    void reportsReferenceFieldAccuracyPerFormatAndSplit() throws IOException {
        Corpus corpus = Corpus.committed();
        Evaluation evaluation = Evaluation.run(new DocumentParser(), corpus);
        String report = Report.markdown(evaluation, corpus, "DocumentParser (main line)");

        Path out = Path.of("target", "evaluation", "report.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report, StandardCharsets.UTF_8);
        System.out.println(report);
        writeDetail(corpus, System.getProperty("atlas.evaluation.detail"));

        int documents =
                corpus.golds().stream().mapToInt(g -> g.documents().size()).sum();
        assertThat(evaluation.documents()).isEqualTo(documents);
        assertThat(evaluation.bySplit).containsOnlyKeys(Corpus.SPLITS);
        int goldReferences = evaluation.bySplit.values().stream()
                .flatMap(m -> m.values().stream())
                .mapToInt(t -> t.goldReferences)
                .sum();
        assertThat(goldReferences).isPositive();
    }

    /**
     * Writes the dev detail of each document {@code files} names: file names, comma-separated, or {@code *suffix}
     * for every dev document whose name ends so ({@code *.pdftotext.txt}).
     */
    private static void writeDetail(Corpus corpus, @Nullable String files) throws IOException {
        if (files == null || files.isBlank()) {
            return;
        }
        var parser = new DocumentParser();
        for (String file : files.split(",")) {
            boolean suffix = file.startsWith("*");
            boolean found = false;
            for (Gold gold : corpus.golds()) {
                for (GoldDocument d : gold.documents()) {
                    boolean named = suffix
                            ? d.file().endsWith(file.substring(1))
                            : d.file().equals(file);
                    if (named && (!suffix || gold.split().equals("dev"))) {
                        var view = ParsedView.of(parser.parse(d.file(), corpus.bytes(gold, d), null));
                        Path out = Path.of("target", "evaluation", d.file() + ".md");
                        Files.writeString(out, Detail.markdown(gold, d, view), StandardCharsets.UTF_8);
                        System.out.println("detail: " + out.toAbsolutePath());
                        found = true;
                    }
                }
            }
            if (!found) {
                throw new IllegalArgumentException("no corpus document named " + file);
            }
        }
    }
}
