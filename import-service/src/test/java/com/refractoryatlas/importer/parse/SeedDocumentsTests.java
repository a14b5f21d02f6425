package com.refractoryatlas.importer.parse;

import static org.assertj.core.api.Assertions.assertThat;

import com.refractoryatlas.importer.extract.Knowledge;
import com.refractoryatlas.importer.extract.Treatment;
import com.refractoryatlas.importer.extract.TreatmentRole;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class SeedDocumentsTests {

    private static final DocumentParser PARSER = new DocumentParser();

    private static ParsedDocument parse(String prefix) {
        return PARSER.parse(prefix, Documents.seed(prefix));
    }

    private static JournalArticle article(String prefix) {
        return (JournalArticle) parse(prefix);
    }

    @Test
    void fiveSeedsYieldThreeArticlesAndThirtyReferences() {
        List<ParsedDocument> docs = Documents.seeds().stream()
                .map(p -> PARSER.parse(p.getFileName().toString(), Documents.read(p)))
                .toList();

        assertThat(docs).hasSize(5);
        assertThat(docs).filteredOn(JournalArticle.class::isInstance).hasSize(3);
        assertThat(docs).filteredOn(ExplainerPage.class::isInstance).hasSize(2);
        int references = docs.stream()
                .filter(JournalArticle.class::isInstance)
                .mapToInt(d -> ((JournalArticle) d).references().size())
                .sum();
        assertThat(references).isEqualTo(30);
    }

    @Test
    void seedsParseWithoutWarningsOrErrors() {
        for (Path seed : Documents.seeds()) {
            ParsedDocument doc = PARSER.parse(seed.getFileName().toString(), Documents.read(seed));
            assertThat(doc.issues()).as(seed.toString()).noneMatch(i -> i.severity() != ParseIssue.Severity.INFO);
        }
    }

    /** One expected reference, as written in src/test/resources/expected/seed-references.txt. */
    record Expected(
            String file,
            int number,
            String authors,
            String title,
            String journal,
            String volume,
            String issue,
            String pages,
            String year,
            String doi) {

        @Override
        public String toString() {
            return file + " #" + number;
        }
    }

    static Stream<Expected> expectedReferences() throws IOException {
        try (InputStream in = SeedDocumentsTests.class.getResourceAsStream("/expected/seed-references.txt")) {
            List<Expected> out = new ArrayList<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.split(" \\| ", -1);
                out.add(new Expected(
                        f[0], Integer.parseInt(f[1]), f[2], f[3], f[4], f[5], f[6], f[7], f[8], f[9].strip()));
            }
            return out.stream();
        }
    }

    @Test
    void expectationFileCoversThirtyReferences() throws IOException {
        assertThat(expectedReferences()).hasSize(30);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("expectedReferences")
    void everySeedReferenceHasExactFields(Expected e) {
        JournalArticle article = article(e.file().substring(0, 3));
        ParsedReference r = article.references().stream()
                .filter(x -> x.number() == e.number())
                .findFirst()
                .orElseThrow();

        assertThat(authors(r.authors())).isEqualTo(e.authors());
        assertThat(r.title()).isEqualTo(e.title());
        assertThat(dash(r.journal())).isEqualTo(e.journal());
        assertThat(dash(r.volume())).isEqualTo(e.volume());
        assertThat(dash(r.issue())).isEqualTo(e.issue());
        assertThat(dash(r.pages())).isEqualTo(e.pages());
        assertThat(dash(r.year())).isEqualTo(e.year());
        assertThat(dash(r.doi())).isEqualTo(e.doi());
    }

    private static String authors(List<ParsedAuthor> authors) {
        List<String> parts = new ArrayList<>();
        for (ParsedAuthor a : authors) {
            parts.add(a.family() + "/" + dash(a.given()) + "/" + dash(a.suffix()));
        }
        return String.join("; ", parts);
    }

    private static String dash(Object value) {
        return value == null ? "-" : value.toString();
    }

    @Nested
    class MarkdownArticle {

        private final JournalArticle article = article("000");

        @Test
        void readsFrontMatterAndEditorialFooter() {
            ArticleMetadata m = article.metadata();
            assertThat(m.title()).isEqualTo("Defying Treatment: Novel Therapies for Refractory Conditions");
            assertThat(m.authors()).containsExactly(new ParsedAuthor("Sen", "Rohan", null));
            assertThat(m.affiliation())
                    .isEqualTo("Department of Family Medicine, Christian Medical College, Vellore, India");
            assertThat(m.correspondenceEmail()).isEqualTo("rohan@sen.in");
            assertThat(m.journal()).isEqualTo("Clin Med Case Rep");
            assertThat(m.volume()).isEqualTo("09");
            assertThat(m.articleNumber()).isEqualTo("387");
            assertThat(m.year()).isEqualTo(2025);
            assertThat(m.doi()).isEqualTo("10.37421/2684-4915.2025.9.387");
            assertThat(m.manuscriptNumber()).isEqualTo("cmcr-25-178310");
            assertThat(m.received()).isEqualTo(LocalDate.of(2025, 8, 1));
            assertThat(m.editorAssigned()).isEqualTo(LocalDate.of(2025, 8, 4));
            assertThat(m.reviewed()).isEqualTo(LocalDate.of(2025, 8, 18));
            assertThat(m.revised()).isEqualTo(LocalDate.of(2025, 8, 22));
            assertThat(m.published()).isEqualTo(LocalDate.of(2025, 8, 29));
        }

        @Test
        void keepsEverySectionAndJoinsPageBreaks() {
            assertThat(article.sections())
                    .extracting(Section::heading)
                    .containsExactly(
                            "Introduction", "Description", "Conclusion", "Acknowledgement", "Conflict of Interest");
            String description = article.sections().get(1).text();
            assertThat(description).contains("highlights the array of current medical treatments, the vital role");
            assertThat(article.sections().get(2).text()).contains("Across multiple disciplines, from neurology");
        }

        @Test
        void mapsEveryMarkerToItsReferenceAndSentences() {
            assertThat(article.citations())
                    .extracting(ParsedCitation::number)
                    .containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9, 10);
            ParsedCitation first = article.citations().get(0);
            assertThat(first.contexts()).hasSize(2).allMatch(c -> c.contains("[1]"));
            assertThat(first.contexts().get(0))
                    .startsWith("It highlights its rapid antidepressant effects")
                    .endsWith("[1].");
        }
    }

    @Nested
    class PlainTextArticle {

        private final JournalArticle article = article("001");

        @Test
        void readsPlainLayoutFrontMatter() {
            ArticleMetadata m = article.metadata();
            assertThat(m.title()).isEqualTo("Refractory Conditions: Personalized, Diverse Treatment Strategies");
            assertThat(m.authors()).containsExactly(new ParsedAuthor("Petrova", "Elena", null));
            assertThat(m.affiliation())
                    .isEqualTo("Department of Pediatrics, Lomonosov Moscow State University, Moscow, Russia");
            assertThat(m.correspondenceEmail()).isEqualTo("elena@petrova.ru");
            assertThat(m.articleNumber()).isEqualTo("386");
            assertThat(m.manuscriptNumber()).isEqualTo("cmcr-25-178309");
            assertThat(m.received()).isEqualTo(LocalDate.of(2025, 8, 1));
            assertThat(m.published()).isEqualTo(LocalDate.of(2025, 8, 29));
            assertThat(m.doi()).isEqualTo("10.37421/2684-4915.2025.9.386");
        }

        @Test
        void findsPlainHeadingsAndCitationsWithoutSpaceBeforeMarker() {
            assertThat(article.sections())
                    .extracting(Section::heading)
                    .containsExactly(
                            "Introduction", "Description", "Conclusion", "Acknowledgement", "Conflict of Interest");
            assertThat(article.citations()).hasSize(10);
            assertThat(article.citations().get(0).contexts().get(0)).endsWith("initial treatments[1].");
        }

        @Test
        void clozapineIsTheGoldStandardForSchizophrenia() {
            assertThat(treatment(Documents.knowledge(article), "schizophrenia", "clozapine"))
                    .hasValueSatisfying(t -> {
                        assertThat(t.role()).isEqualTo(TreatmentRole.GOLD_STANDARD);
                        assertThat(t.referenceNumbers()).contains(2);
                    });
            assertThat(treatment(Documents.knowledge(article), "depression", "electroconvulsive-therapy"))
                    .hasValueSatisfying(t -> assertThat(t.referenceNumbers()).contains(1));
        }
    }

    @Nested
    class RescueArticle {

        private final JournalArticle article = article("004");

        @Test
        void stripsStrayEmphasisFromReferenceTitles() {
            assertThat(article.references().get(8).title())
                    .startsWith("Extracorporeal Car-diolungary Resuscitation (E-CPR) as Rescue Therapy");
        }

        @Test
        void extractsRolesAndEvidence() {
            Knowledge k = Documents.knowledge(article);
            assertThat(treatment(k, "acute-myeloid-leukemia", "venetoclax")).hasValueSatisfying(t -> {
                assertThat(t.role()).isEqualTo(TreatmentRole.SALVAGE);
                assertThat(t.referenceNumbers()).containsExactly(4);
                assertThat(t.summary()).contains("venetoclax");
            });
            assertThat(treatment(k, "acute-respiratory-distress-syndrome", "extracorporeal-membrane-oxygenation"))
                    .hasValueSatisfying(t -> assertThat(t.role()).isEqualTo(TreatmentRole.RESCUE));
            assertThat(treatment(k, "status-epilepticus", "ketogenic-diet"))
                    .hasValueSatisfying(t -> assertThat(t.referenceNumbers()).containsExactly(7));
            assertThat(treatment(k, "cardiac-arrest", "extracorporeal-cardiopulmonary-resuscitation"))
                    .hasValueSatisfying(t -> assertThat(t.role()).isEqualTo(TreatmentRole.RESCUE));
            assertThat(k.therapies())
                    .filteredOn(t -> t.id().equals("extracorporeal-membrane-oxygenation"))
                    .singleElement()
                    .satisfies(t -> assertThat(t.aliases()).contains("ECMO"));
        }
    }

    @Nested
    class ExplainerPages {

        @Test
        void readsTheFirstExplainerWithMechanismsAndCriteria() {
            ExplainerPage page = (ExplainerPage) parse("002");
            assertThat(page.title()).isEqualTo("What Does It Mean When a Condition Is Treatment Refractory?");
            assertThat(page.sections())
                    .extracting(Section::heading)
                    .contains(
                            "Why Treatments Become Refractory",
                            "Disease Context: Where Refractoriness Is Most Common",
                            "Navigating Advanced Treatment Paths");
            Knowledge k = Documents.knowledge(page);
            assertThat(k.mechanisms())
                    .extracting(m -> m.id())
                    .contains(
                            "drug-efflux-pumps",
                            "target-altering-mutations",
                            "redundant-signalling-pathways",
                            "metabolic-inactivation");
            assertThat(k.mechanisms())
                    .filteredOn(m -> m.id().equals("drug-efflux-pumps"))
                    .singleElement()
                    .satisfies(m -> {
                        assertThat(m.conditionIds()).contains("cancer");
                        assertThat(m.description()).contains("efflux pumps");
                    });
            assertThat(k.mechanisms())
                    .filteredOn(m -> m.id().equals("redundant-signalling-pathways"))
                    .singleElement()
                    .satisfies(m -> assertThat(m.conditionIds()).contains("depression"));
            assertThat(k.conditions())
                    .filteredOn(c -> c.id().equals("epilepsy"))
                    .singleElement()
                    .satisfies(c -> assertThat(c.refractoryCriteria())
                            .anyMatch(s -> s.contains("two or more appropriate anti-seizure medications")));
            assertThat(k.conditions())
                    .filteredOn(c -> c.id().equals("depression"))
                    .singleElement()
                    .satisfies(c -> assertThat(c.refractoryCriteria())
                            .anyMatch(s -> s.contains("two or more adequate trials of different antidepressant")));
            assertThat(k.treatments()).allMatch(t -> t.referenceNumbers().isEmpty());
        }

        @Test
        void keepsTrailingNavigationLinksOutOfTheSections() {
            ExplainerPage page = (ExplainerPage) parse("003");
            assertThat(page.navigationLinks())
                    .containsExactly(
                            "Macrolides: Balancing Bacteriostatic and Bactericidal Effects",
                            "Detrusor Overactivity: Causes, Symptoms, and Treatment",
                            "HCV Genotypes: What Are They and Why Do They Matter?");
            assertThat(page.sections())
                    .extracting(Section::heading)
                    .last()
                    .isEqualTo("Navigating Life with a Refractory Condition");
            assertThat(Documents.knowledge(page).mechanisms())
                    .extracting(m -> m.id())
                    .contains("clonal-evolution", "tumour-microenvironment", "drug-efflux-pumps");
            assertThat(Documents.knowledge(page).conditions())
                    .filteredOn(c -> c.id().equals("non-hodgkin-lymphoma"))
                    .singleElement()
                    .satisfies(c -> assertThat(c.refractoryCriteria()).hasSize(1));
        }
    }

    static Optional<Treatment> treatment(Knowledge k, String conditionId, String therapyId) {
        return k.treatments().stream()
                .filter(t ->
                        t.conditionId().equals(conditionId) && t.therapyId().equals(therapyId))
                .findFirst();
    }
}
