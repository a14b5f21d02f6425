package com.refractoryatlas.importer.job;

import static org.assertj.core.api.Assertions.assertThat;

import com.refractoryatlas.importer.ImportProperties;
import com.refractoryatlas.importer.write.ArticleInput;
import com.refractoryatlas.importer.write.ArticleInput.CitationInput;
import com.refractoryatlas.importer.write.ArticleInput.ReferenceInput;
import com.refractoryatlas.importer.write.ArticleInput.SectionInput;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

class DocumentLimitsTests {

    private final DocumentLimits limits =
            new DocumentLimits(new ImportProperties.Limits(DataSize.ofMegabytes(1), 3, 100, 4, 2));

    @Test
    void acceptsADocumentAtEveryLimit() {
        var article = article(3, 100, 4, 2);

        assertThat(limits.check(article)).isEmpty();
    }

    @Test
    void namesEachLimitInTheClientsWordsWithoutQuotingTheDocument() {
        var article = article(4, 101, 5, 3);

        var errors = limits.check(article);

        assertThat(errors)
                .extracting(ImportError::code)
                .containsExactly(
                        "TOO_MANY_SECTIONS", "SECTION_TOO_LONG", "TOO_MANY_REFERENCES", "TOO_MANY_CITATION_CONTEXTS");
        assertThat(errors)
                .extracting(ImportError::message)
                .anySatisfy(m -> assertThat(m).contains("(limit: sections per document)"))
                .anySatisfy(m -> assertThat(m).contains("(limit: characters per section)"))
                .anySatisfy(m -> assertThat(m).contains("5 entries; at most 4"))
                .anySatisfy(m -> assertThat(m).contains("(limit: citing sentences per reference)"))
                .allSatisfy(m -> assertThat(m).doesNotContain("secret").doesNotContain("input."));
    }

    private static ArticleInput article(int sections, int sectionLength, int references, int contexts) {
        var sectionList = IntStream.range(0, sections)
                .mapToObj(i -> new SectionInput("Heading", "s".repeat(sectionLength)))
                .toList();
        var referenceList = IntStream.rangeClosed(1, references)
                .mapToObj(n -> new ReferenceInput(n, "A secret title", List.of(), null, null, null, null, null, null))
                .toList();
        var citation = new CitationInput(
                1,
                IntStream.range(0, contexts).mapToObj(i -> "a secret sentence").toList());
        return new ArticleInput(
                ArticleInput.JOURNAL_ARTICLE,
                "0".repeat(64),
                "Title",
                List.of(),
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                sectionList,
                referenceList,
                List.of(citation),
                null);
    }
}
