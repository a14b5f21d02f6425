package com.refractoryatlas.importer.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Assertions;

/**
 * Random and mutated documents: whatever the input, the parser answers with a result (never an exception) within a
 * generous time bound, which catches catastrophic backtracking rather than measuring speed.
 */
class ParserPropertyTests {

    private static final DocumentParser PARSER = new DocumentParser();
    private static final Duration BOUND = Duration.ofSeconds(5);
    private static final List<String> SEEDS =
            Documents.seeds().stream().map(Documents::read).toList();
    private static final String TOKENS = "[]()*_#\"“”.,;:-–/\\\n\n 0123456789 1. [1] [2-3] (2020) doi:10.1/x ** * # ";

    private static ParsedDocument parseBounded(String text) {
        return Assertions.assertTimeoutPreemptively(BOUND, () -> PARSER.parse("random.txt", text));
    }

    @Property(tries = 200)
    void anyStringGivesAResult(@ForAll @Size(max = 3000) String text) {
        ParsedDocument doc = parseBounded(text);
        assertThat(doc).isNotNull();
        assertThat(doc.issues()).isNotNull();
    }

    @Property(tries = 200)
    void anyBytesGiveAResult(@ForAll @Size(max = 3000) byte[] bytes) {
        ParsedDocument doc = Assertions.assertTimeoutPreemptively(BOUND, () -> PARSER.parse("random.bin", bytes));
        assertThat(doc).isNotNull();
    }

    @Property(tries = 300)
    void mutatedSeedsGiveAResult(@ForAll("mutatedSeeds") String text) {
        ParsedDocument doc = parseBounded(text);
        if (doc instanceof Unrecognized u) {
            assertThat(u.issues()).anyMatch(i -> i.severity() == ParseIssue.Severity.ERROR);
        }
    }

    @Property(tries = 50)
    void adversarialRepetitionsStayBounded(@ForAll("adversarial") String text) {
        assertThat(parseBounded(text)).isNotNull();
        assertThat(PARSER.parse("bytes", text.getBytes(StandardCharsets.UTF_8))).isNotNull();
    }

    /** Each stage's worst case: what made the old state machine recurse or go quadratic, at several sizes. */
    @Property(tries = 12)
    void worstCasesOfEachStageStayBounded(@ForAll("worstCases") String text) {
        ParsedDocument doc = parseBounded(text);
        assertThat(doc.issues()).isNotNull();
        Assertions.assertTimeoutPreemptively(BOUND, () -> Documents.extraction(doc));
    }

    @Provide
    Arbitrary<String> worstCases() {
        Arbitrary<Integer> n = Arbitraries.integers().between(2_500, 20_000);
        return Arbitraries.oneOf(
                // segmenter: consecutive heading lines (overflowed the stack in ParseRun.read)
                n.map(k -> "Title\n\n" + "## Heading\n".repeat(k)),
                n.map(k -> "Title\n\n" + "Introduction\n".repeat(k)),
                // segmenter: one huge first block (title and byline search)
                n.map(k -> "Jane Roe, John Doe\n".repeat(k)),
                // reference list: bare entry numbers and unnumbered author-year lines
                n.map(k -> "T\n\nReferences\n" + "1.\n".repeat(k) + "Smith J (2020) X. Y 1:2\n".repeat(k / 4)),
                // citation linker: superscript-like and author-year-like runs in one paragraph
                n.map(k -> "T\n\nA B\n\nIntro\n\n" + "therapy.12,13 Smith et al. (2020) ".repeat(k)),
                // extraction: one long paragraph pairing many conditions with many therapies (quadratic before)
                n.map(k -> "Refractory Epilepsy\n\n"
                        + "refractory epilepsy and resistant depression treated with ketamine and clozapine, "
                                .repeat(k / 4)));
    }

    @Provide
    Arbitrary<String> mutatedSeeds() {
        Arbitrary<String> seed = Arbitraries.of(SEEDS);
        Arbitrary<Integer> position = Arbitraries.integers().between(0, 20_000);
        Arbitrary<Integer> length = Arbitraries.integers().between(0, 400);
        Arbitrary<String> insert =
                Arbitraries.strings().withChars(TOKENS.toCharArray()).ofMaxLength(60);
        return Combinators.combine(seed, position, length, insert).as((s, p, l, ins) -> {
            int at = Math.min(p, s.length());
            int end = Math.min(s.length(), at + l);
            return s.substring(0, at) + ins + s.substring(end);
        });
    }

    @Provide
    Arbitrary<String> adversarial() {
        Arbitrary<String> unit = Arbitraries.of(
                "[",
                "[1",
                "[1-",
                "1. ",
                "\"",
                "“",
                "*",
                "**",
                "_",
                "(2020)",
                "doi:10.",
                "10.1234/",
                "Smith, ",
                "A. ",
                "refractory ",
                "treatment-refractory ",
                " that has not responded to ",
                ": ",
                ";",
                "-",
                "#",
                "\n",
                "\n\n",
                "References\n\n",
                "Received: ",
                "01-Aug-",
                "a@b.",
                "<p>",
                "http://");
        Arbitrary<Integer> times = Arbitraries.integers().between(100, 5000);
        return Combinators.combine(unit, times, Arbitraries.of(SEEDS))
                .as((u, n, s) -> s.substring(0, Math.min(s.length(), 2000)) + u.repeat(n));
    }
}
