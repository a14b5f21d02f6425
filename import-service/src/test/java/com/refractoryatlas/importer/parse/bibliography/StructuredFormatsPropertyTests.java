package com.refractoryatlas.importer.parse.bibliography;

import static org.assertj.core.api.Assertions.assertThat;

import com.refractoryatlas.importer.parse.DocumentParser;
import com.refractoryatlas.importer.parse.ParseIssue;
import com.refractoryatlas.importer.parse.ParsedDocument;
import com.refractoryatlas.importer.parse.Unrecognized;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Assertions;

/**
 * Real structured files cut short and with bytes overwritten, through format detection and every reader: whatever is
 * left, the parser answers with a document (never an exception) within a generous bound that catches runaway cost
 * rather than measuring speed, and an unrecognized one says why with an error.
 */
class StructuredFormatsPropertyTests {

    private static final DocumentParser PARSER = new DocumentParser();
    private static final Duration BOUND = Duration.ofSeconds(10);
    private static final List<String> FILES = List.of(
            "/jats/1471-2180-11-174.nxml",
            "/jats/1472-6831-8-11.nxml",
            "/jats/elife-02833-v2.xml",
            "/bibliography/pubmed-29768149.xml",
            "/bibliography/pubmed-parser-paper.bib",
            "/bibliography/citation-js-bibtex-csl.json",
            "/bibliography/bdarcus-rendition-references.ris",
            "/bibliography/endnote-sample.enw",
            "/bibliography/jabref-nbib-importer-test.nbib",
            "/bibliography/endnote-sample.xml");
    private static final List<byte[]> CONTENTS =
            FILES.stream().map(StructuredFormatsPropertyTests::read).toList();
    private static final byte[] NOISE = "{}[]<>&;\"'@%\n-–\\#,=".getBytes(java.nio.charset.StandardCharsets.UTF_8);

    private static byte[] read(String path) {
        try (InputStream in = StructuredFormatsPropertyTests.class.getResourceAsStream(path)) {
            assertThat(in).as(path).isNotNull();
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Property(tries = 150)
    void damagedFilesGiveADocument(@ForAll("damaged") byte[] bytes) {
        ParsedDocument doc = Assertions.assertTimeoutPreemptively(BOUND, () -> PARSER.parse("damaged", bytes, null));

        assertThat(doc).isNotNull();
        if (doc instanceof Unrecognized u) {
            assertThat(u.issues()).anyMatch(i -> i.severity() == ParseIssue.Severity.ERROR);
        }
    }

    @Provide
    Arbitrary<byte[]> damaged() {
        return Combinators.combine(
                        Arbitraries.integers().between(0, CONTENTS.size() - 1),
                        Arbitraries.doubles().between(0.05, 1.0),
                        Arbitraries.integers().between(0, 40),
                        Arbitraries.longs())
                .as((file, keep, flips, seed) -> damage(CONTENTS.get(file), keep, flips, seed));
    }

    private static byte[] damage(byte[] original, double keep, int flips, long seed) {
        byte[] out = Arrays.copyOf(original, Math.max(1, (int) (original.length * keep)));
        java.util.Random random = new java.util.Random(seed);
        for (int i = 0; i < flips; i++) {
            out[random.nextInt(out.length)] = NOISE[random.nextInt(NOISE.length)];
        }
        return out;
    }
}
