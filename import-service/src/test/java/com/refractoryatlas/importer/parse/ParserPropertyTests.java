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
