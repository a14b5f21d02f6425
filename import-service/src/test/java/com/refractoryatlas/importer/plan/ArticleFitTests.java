package com.refractoryatlas.importer.plan;

import static org.assertj.core.api.Assertions.assertThat;

import com.refractoryatlas.importer.write.ArticleInput;
import com.refractoryatlas.importer.write.ArticleInput.AuthorInput;
import com.refractoryatlas.importer.write.ArticleInput.CitationInput;
import com.refractoryatlas.importer.write.ArticleInput.ReferenceInput;
import com.refractoryatlas.importer.write.ArticleInput.SectionInput;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ArticleFitTests {

    private static final String CHECKSUM = "a".repeat(64);

    private static ReferenceInput reference(int number, String title, Integer year, String doi) {
        return new ReferenceInput(
                number, title, List.of(new AuthorInput("Smith", "J", null)), "Lancet", "1", "2", "3-4", year, doi);
    }

    private static ArticleInput article(
            String title, List<AuthorInput> authors, List<ReferenceInput> references, List<CitationInput> citations) {
        return new ArticleInput(
                ArticleInput.JOURNAL_ARTICLE,
                CHECKSUM,
                title,
                authors,
                null,
                "someone@example.org",
                "Epilepsia",
                "61",
                null,
                2020,
                "10.1111/epi.16500",
                null,
                null,
                null,
                null,
                null,
                null,
                List.of(new SectionInput("Introduction", "Ketamine [1].")),
                references,
                citations,
                null);
    }

    @Test
    void leavesAnArticleWithinTheLimitsAsItIsWithoutWarnings() {
        var article = article(
                "Ketamine in refractory status epilepticus",
                List.of(new AuthorInput("Doe", "Jane", null)),
                List.of(reference(1, "A trial", 2019, "10.1000/xyz123")),
                List.of(new CitationInput(1, List.of("Ketamine [1]."))));

        var fitted = ArticleFit.fit(article);

        assertThat(fitted.article()).isEqualTo(article);
        assertThat(fitted.warnings()).isEmpty();
    }

    @Test
    void shortensAnOverlongReferenceTitleAtAWordAndSaysSoWithoutQuotingIt() {
        var title = "Graph convolutional networks with sparsified neighbourhood mixing ".repeat(14_000);

        var fitted = ArticleFit.fit(article("T", List.of(), List.of(reference(1, title, 2019, null)), List.of()));

        var kept = fitted.article().references().getFirst().title();
        assertThat(kept).hasSizeLessThanOrEqualTo(ArticleFit.STRING_CHARS).endsWith("\u2026");
        assertThat(title).startsWith(kept.substring(0, kept.length() - 1));
        assertThat(fitted.warnings()).singleElement().satisfies(w -> {
            assertThat(w.code()).isEqualTo(ArticleFit.VALUE_SHORTENED);
            assertThat(w.message()).contains("reference title").doesNotContain("sparsified");
        });
    }

    @Test
    void leavesOutYearsDoisAndAddressesTheReferencesServiceRefuses() {
        var article = new ArticleInput(
                ArticleInput.REFERENCE_LIST,
                CHECKSUM,
                "library.bib",
                List.of(),
                null,
                "write to the first author",
                null,
                null,
                null,
                20_019,
                "see the PDF",
                null,
                null,
                null,
                null,
                null,
                null,
                List.of(),
                List.of(reference(1, "Kept", 999, "doi:10.1000/ok"), reference(2, "Also kept", 2001, "n/a")),
                List.of(),
                null);

        var fitted = ArticleFit.fit(article).article();

        assertThat(fitted.year()).isNull();
        assertThat(fitted.doi()).isNull();
        assertThat(fitted.correspondenceEmail()).isNull();
        assertThat(fitted.references())
                .extracting(ReferenceInput::title, ReferenceInput::year, ReferenceInput::doi)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("Kept", null, "doi:10.1000/ok"),
                        org.assertj.core.groups.Tuple.tuple("Also kept", 2001, null));
        assertThat(ArticleFit.fit(article).warnings()).singleElement().satisfies(w -> assertThat(w.code())
                .isEqualTo(ArticleFit.ITEMS_DROPPED));
    }

    @Test
    void keepsTheFirstAuthorsUpToTheLimitAndDropsAuthorsWithoutAFamilyName() {
        var authors = IntStream.range(0, ArticleFit.AUTHORS + 50)
                .mapToObj(i -> new AuthorInput(i == 0 ? " " : "Author" + i, null, null))
                .toList();

        var fitted = ArticleFit.fit(article("T", authors, List.of(), List.of()));

        assertThat(fitted.article().authors()).hasSize(ArticleFit.AUTHORS);
        assertThat(fitted.article().authors().getFirst().family()).isEqualTo("Author1");
        assertThat(fitted.warnings())
                .extracting(DocumentPlan.Issue::code)
                .containsExactly(ArticleFit.VALUE_SHORTENED, ArticleFit.ITEMS_DROPPED);
    }

    @Test
    void dropsADuplicateReferenceNumberAndCitationsOfReferencesThatAreNotThere() {
        var fitted = ArticleFit.fit(article(
                "T",
                List.of(),
                List.of(reference(1, "First", 2001, null), reference(1, "Again", 2002, null)),
                List.of(
                        new CitationInput(1, List.of("a [1].")),
                        new CitationInput(7, List.of("b [7].")),
                        new CitationInput(1, List.of("c [1].")))));

        assertThat(fitted.article().references())
                .extracting(ReferenceInput::title)
                .containsExactly("First");
        assertThat(fitted.article().citations())
                .extracting(CitationInput::number)
                .containsExactly(1);
        assertThat(fitted.warnings()).extracting(DocumentPlan.Issue::code).containsExactly(ArticleFit.ITEMS_DROPPED);
    }
}
