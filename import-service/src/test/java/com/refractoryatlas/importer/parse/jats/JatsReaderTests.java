package com.refractoryatlas.importer.parse.jats;

import static org.assertj.core.api.Assertions.assertThat;

import com.refractoryatlas.importer.parse.DocumentParser;
import com.refractoryatlas.importer.parse.JournalArticle;
import com.refractoryatlas.importer.parse.ParseIssue;
import com.refractoryatlas.importer.parse.ParsedAuthor;
import com.refractoryatlas.importer.parse.ParsedCitation;
import com.refractoryatlas.importer.parse.ParsedDocument;
import com.refractoryatlas.importer.parse.ParsedReference;
import com.refractoryatlas.importer.parse.Section;
import com.refractoryatlas.importer.parse.Unrecognized;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class JatsReaderTests {

    private static final DocumentParser PARSER = new DocumentParser();

    static byte[] resource(String name) {
        try (InputStream in = JatsReaderTests.class.getResourceAsStream("/jats/" + name)) {
            assertThat(in).as(name).isNotNull();
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JournalArticle article(String name) {
        ParsedDocument parsed = PARSER.parse(name, resource(name), null);
        assertThat(parsed).isInstanceOf(JournalArticle.class);
        return (JournalArticle) parsed;
    }

    static ParsedDocument xml(String xml) {
        return PARSER.parse("inline.xml", xml.getBytes(StandardCharsets.UTF_8), "application/xml");
    }

    static JournalArticle inline(String xml) {
        ParsedDocument parsed = xml(xml);
        assertThat(parsed).isInstanceOf(JournalArticle.class);
        return (JournalArticle) parsed;
    }

    @Nested
    class RealArticles {

        @Test
        void readsTheFrontMatterOfABmcArticle() {
            var m = article("1471-2180-11-174.nxml").metadata();

            assertThat(m.title()).isEqualTo("Factors influencing lysis time stochasticity in bacteriophage λ");
            assertThat(m.authors())
                    .containsExactly(
                            new ParsedAuthor("Dennehy", "John J", null), new ParsedAuthor("Wang", "Ing-Nang", null));
            assertThat(m.journal()).isEqualTo("BMC Microbiology");
            assertThat(m.volume()).isEqualTo("11");
            assertThat(m.articleNumber()).isEqualTo("174");
            assertThat(m.year()).isEqualTo(2011);
            assertThat(m.doi()).isEqualTo("10.1186/1471-2180-11-174");
            assertThat(m.correspondenceEmail()).isEqualTo("john.dennehy@qc.cuny.edu");
            assertThat(m.received()).isEqualTo(LocalDate.of(2010, 12, 1));
            assertThat(m.affiliation()).startsWith("Department of Biological Sciences, University at Albany");
        }

        @Test
        void readsTaggedMixedCitationsFieldByField() {
            var article = article("1471-2180-11-174.nxml");

            assertThat(article.references()).hasSize(64);
            assertThat(article.references().get(0))
                    .usingRecursiveComparison()
                    .ignoringFields("raw", "line")
                    .isEqualTo(new ParsedReference(
                            1,
                            java.util.List.of(new ParsedAuthor("Avery", "SV", null)),
                            "Microbial cell individuality and the underlying sources of heterogeneity",
                            "Nat Rev Microbiol",
                            "4",
                            null,
                            "577-587",
                            2006,
                            "10.1038/nrmicro1460",
                            "",
                            0));
        }

        @Test
        void expandsACitationRangePrintedAsTwoLinkedMarkers() {
            var article = article("1471-2180-11-174.nxml");
            String sentence = "Some phenotypic variation arises from randomness in cellular processes despite identical"
                    + " environments and genotypes [1-9].";

            for (int n = 1; n <= 9; n++) {
                assertThat(contexts(article, n)).as("citation %d", n).contains(sentence);
            }
            assertThat(contexts(article, 10)).doesNotContain(sentence);
        }

        @Test
        void readsNlm23CitationElements() {
            var reference = article("1472-6831-8-11.nxml").references().get(1);

            assertThat(reference.authors())
                    .extracting(ParsedAuthor::family)
                    .containsExactly("Reisine", "Fertig", "Weber", "Leder");
            assertThat(reference.title()).isEqualTo("Impact of dental conditions on patients' quality of life");
            assertThat(reference.journal()).isEqualTo("Community Dent Oral Epidemiol");
            assertThat(reference.volume()).isEqualTo("17");
            assertThat(reference.pages()).isEqualTo("7-10");
            assertThat(reference.year()).isEqualTo(1989);
            assertThat(reference.doi()).isEqualTo("10.1111/j.1600-0528.1989.tb01816.x");
        }

        @Test
        void readsElementCitationsWithEtAlAndDecodedCharacters() {
            var reference = article("ehp-116-1694.nxml").references().get(0);

            assertThat(reference.authors()).hasSize(6);
            assertThat(reference.authors().get(4)).isEqualTo(new ParsedAuthor("Tannhäuser", "B", null));
            assertThat(reference.title())
                    .isEqualTo("Conserved and acquired features of adult neurogenesis in the zebrafish telencephalon");
            assertThat(reference.journal()).isEqualTo("Dev Biol");
            assertThat(reference.pages()).isEqualTo("278-293");
            assertThat(reference.doi()).isNull();
        }

        @Test
        void readsAnElifeArticleWithItalicTitlesAndBookReferences() {
            var article = article("elife-02833-v2.xml");
            var m = article.metadata();

            assertThat(m.doi()).isEqualTo("10.7554/eLife.02833");
            assertThat(m.articleNumber()).isEqualTo("e02833");
            assertThat(m.received()).isEqualTo(LocalDate.of(2014, 3, 23));
            assertThat(m.reviewed()).as("accepted").isEqualTo(LocalDate.of(2014, 7, 30));
            assertThat(article.sections())
                    .extracting(Section::heading)
                    .startsWith("Abstract", "eLife digest", "Introduction");
            assertThat(article.references()).hasSize(50);
            assertThat(article.references().get(0).title())
                    .isEqualTo("Characterization of the intergenic RNA profile at abdominal-A and Abdominal-B in the"
                            + " Drosophila bithorax complex");
            ParsedReference book = article.references().stream()
                    .filter(r -> r.title().startsWith("Developmental genetics of the bithorax"))
                    .findFirst()
                    .orElseThrow();
            assertThat(book.authors())
                    .as("editors are not authors")
                    .containsExactly(new ParsedAuthor("Lewis", "EB", null));
            assertThat(book.year()).isEqualTo(1981);
        }

        @Test
        void labelsAnUntaggedMixedCitationWithTheReferenceLabeller() {
            var reference = article("pntd.0002065.nxml").references().get(0);

            assertThat(reference.raw())
                    .isEqualTo(
                            "Murphy FA, Gibbs EPJ, Horzinek MC, Studdert MJ (1999) Veterinary Virology. USA: Elsevier."
                                    + " pp 469–475.");
            assertThat(reference.authors())
                    .extracting(ParsedAuthor::family)
                    .containsExactly("Murphy", "Gibbs", "Horzinek", "Studdert");
            assertThat(reference.year()).isEqualTo(1999);
            assertThat(reference.title()).isEqualTo("Veterinary Virology");
        }

        @Test
        void keepsAStringItCannotSplitAsAnEntryLevelWarningOnly() {
            var article = article("pntd.0002065.nxml");

            assertThat(article.references()).hasSize(32);
            assertThat(article.references().get(18).raw()).startsWith("Instituto Nacional de Metereologia");
            assertThat(article.issues())
                    .extracting(ParseIssue::code)
                    .doesNotContain(ParseIssue.Code.MALFORMED_REFERENCE);
            assertThat(article.issues())
                    .filteredOn(i -> i.code() == ParseIssue.Code.MALFORMED_ENTRY)
                    .isNotEmpty()
                    .allSatisfy(i -> assertThat(i.severity()).isEqualTo(ParseIssue.Severity.WARNING));
        }

        @Test
        void linksEveryCitationToAReferenceThatExists() {
            var article = article("elife-02833-v2.xml");

            assertThat(article.citations()).isNotEmpty();
            assertThat(article.citations())
                    .allSatisfy(c -> assertThat(c.number())
                            .isBetween(1, article.references().size()))
                    .allSatisfy(c -> assertThat(c.contexts()).isNotEmpty());
            assertThat(contexts(article, 1))
                    .anySatisfy(s -> assertThat(s).contains("(Bae et al., 2002; Pease et al., 2013)"));
        }
    }

    @Nested
    class Structure {

        @Test
        void flattensNestedSectionsInDocumentOrder() {
            var article = inline("""
                    <article><front><article-meta><title-group><article-title>T</article-title></title-group>
                    </article-meta></front><body>
                    <sec><title>Methods</title><p>Intro to methods.</p>
                      <sec><title>Cells</title><p>Cells were grown.</p>
                        <sec><title>Lines</title><p>HeLa.</p></sec></sec>
                      <p>Back in methods.</p></sec>
                    <sec><title>Results</title><p>It worked.</p></sec></body></article>
                    """);

            assertThat(article.sections())
                    .containsExactly(
                            new Section("Methods", "Intro to methods."),
                            new Section("Cells", "Cells were grown."),
                            new Section("Lines", "HeLa."),
                            new Section("Methods", "Back in methods."),
                            new Section("Results", "It worked."));
        }

        @Test
        void readsTheFirstArticleOfAPmcArticleSet() {
            var article = inline("""
                    <pmc-articleset><article><front><article-meta><title-group>
                    <article-title>First <italic>one</italic></article-title></title-group></article-meta></front></article>
                    <article><front><article-meta><title-group><article-title>Second</article-title></title-group>
                    </article-meta></front></article></pmc-articleset>
                    """);

            assertThat(article.metadata().title()).isEqualTo("First one");
        }

        @Test
        void readsCollabAuthorsStringNamesAndSuffixes() {
            var article = inline("""
                    <article><front><article-meta><title-group><article-title>T</article-title></title-group>
                    <contrib-group><contrib contrib-type="author"><name><surname>King</surname>
                    <given-names>Martin L</given-names><suffix>Jr</suffix><prefix>Dr</prefix></name></contrib>
                    <contrib contrib-type="author"><collab>The ABC Consortium</collab></contrib>
                    <contrib contrib-type="editor"><name><surname>Editor</surname></name></contrib></contrib-group>
                    </article-meta></front><back><ref-list><ref id="r1"><mixed-citation publication-type="journal">
                    <string-name><surname>van der Berg</surname> <given-names>J</given-names></string-name>,
                    <collab>WHO Study Group</collab> <etal/>. <article-title>A title.</article-title>
                    <source>Lancet</source> <year>2001b</year>;<volume>3</volume>:<elocation-id>e12</elocation-id>.
                    <ext-link ext-link-type="uri" xlink:href="https://doi.org/10.1000/ABC.1"
                     xmlns:xlink="http://www.w3.org/1999/xlink">link</ext-link></mixed-citation></ref></ref-list></back>
                    </article>
                    """);

            assertThat(article.metadata().authors())
                    .containsExactly(
                            new ParsedAuthor("King", "Martin L", "Jr"),
                            new ParsedAuthor("The ABC Consortium", null, null));
            ParsedReference r = article.references().get(0);
            assertThat(r.authors())
                    .containsExactly(
                            new ParsedAuthor("van der Berg", "J", null),
                            new ParsedAuthor("WHO Study Group", null, null));
            assertThat(r.title()).isEqualTo("A title");
            assertThat(r.year()).isEqualTo(2001);
            assertThat(r.pages()).isEqualTo("e12");
            assertThat(r.doi()).isEqualTo("10.1000/ABC.1");
        }

        @Test
        void readsBooksAsTitledBySourceAndIgnoresTextAfterAPageNumber() {
            var article = inline("""
                    <article><back><ref-list>
                    <ref id="a"><element-citation publication-type="journal"><article-title>T.</article-title>
                    <source>J</source><fpage>1217</fpage><lpage>1224 (2007)</lpage></element-citation></ref>
                    <ref id="b"><element-citation publication-type="book"><person-group person-group-type="author">
                    <name><surname>Roe</surname><given-names>R</given-names></name></person-group>
                    <source>A Whole Book</source><year>1999</year></element-citation></ref>
                    </ref-list></back></article>
                    """);

            assertThat(article.references().get(0).pages()).isEqualTo("1217-1224");
            assertThat(article.references().get(1).title()).isEqualTo("A Whole Book");
            assertThat(article.references().get(1).journal()).isNull();
        }

        @Test
        void reportsACitationToAnIdNotInTheReferenceList() {
            var article = inline("""
                    <article><front><article-meta><title-group><article-title>T</article-title></title-group>
                    </article-meta></front><body><p>As shown <xref ref-type="bibr" rid="missing">9</xref>.</p></body>
                    </article>
                    """);

            assertThat(article.issues()).extracting(ParseIssue::code).contains(ParseIssue.Code.UNKNOWN_CITATION);
            assertThat(article.citations()).isEmpty();
        }
    }

    @Nested
    class HostileXml {

        @Test
        void neverReadsAnExternalEntity() {
            var parsed = xml("""
                    <?xml version="1.0"?>
                    <!DOCTYPE article [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
                    <article><front><article-meta><title-group><article-title>Leak &xxe; here</article-title>
                    </title-group></article-meta></front></article>
                    """);

            assertThat(parsed).isInstanceOf(JournalArticle.class);
            assertThat(((JournalArticle) parsed).metadata().title())
                    .isEqualTo("Leak here")
                    .doesNotContain("root:");
            assertThat(parsed.issues()).extracting(ParseIssue::code).contains(ParseIssue.Code.UNKNOWN_ENTITY);
        }

        @Test
        void neverFetchesAnExternalDtd() {
            var parsed = xml("""
                    <!DOCTYPE article PUBLIC "-//NLM//DTD JATS 1.0//EN" "http://127.0.0.1:1/never-fetched.dtd">
                    <article><front><article-meta><title-group><article-title>Fine</article-title></title-group>
                    </article-meta></front></article>
                    """);

            assertThat(((JournalArticle) parsed).metadata().title()).isEqualTo("Fine");
        }

        @Test
        void doesNotExpandABillionLaughs() {
            StringBuilder dtd = new StringBuilder("<!DOCTYPE article [<!ENTITY lol0 \"lol\">");
            for (int i = 1; i <= 9; i++) {
                dtd.append("<!ENTITY lol").append(i).append(" \"");
                dtd.append(("&lol" + (i - 1) + ";").repeat(10)).append("\">");
            }
            dtd.append("]>");
            var parsed = xml(dtd + "<article><front><article-meta><title-group><article-title>A &lol9; B"
                    + "</article-title></title-group></article-meta></front></article>");

            assertThat(((JournalArticle) parsed).metadata().title()).isEqualTo("A B");
        }

        @Test
        void decodesNamedEntitiesWithoutADtd() {
            var parsed = xml(
                    "<article><front><article-meta><title-group><article-title>IL&ndash;6&nbsp;and"
                            + " TNF&alpha; &unknownthing; &amp; more</article-title></title-group></article-meta></front></article>");

            assertThat(((JournalArticle) parsed).metadata().title()).isEqualTo("IL–6 and TNFα & more");
            assertThat(parsed.issues())
                    .filteredOn(i -> i.code() == ParseIssue.Code.UNKNOWN_ENTITY)
                    .singleElement()
                    .satisfies(i -> assertThat(i.message()).contains("unknownthing"));
        }

        @Test
        void rejectsXmlThatIsNotWellFormedWithItsLine() {
            var parsed = xml("<article>\n<front>\n<article-meta></front></article>");

            assertThat(parsed).isInstanceOf(Unrecognized.class);
            assertThat(parsed.issues()).singleElement().satisfies(i -> {
                assertThat(i.code()).isEqualTo(ParseIssue.Code.MALFORMED_XML);
                assertThat(i.line()).isEqualTo(3);
            });
        }

        @Test
        void rejectsNestingDeeperThanTheLimitWithoutRecursing() {
            int depth = 100_000;
            String xml = "<article><body>" + "<sec>".repeat(depth) + "</sec>".repeat(depth) + "</body></article>";

            var parsed = xml(xml);

            assertThat(parsed).isInstanceOf(Unrecognized.class);
            assertThat(parsed.issues())
                    .extracting(ParseIssue::code)
                    .containsAnyOf(ParseIssue.Code.NESTING_TOO_DEEP, ParseIssue.Code.MALFORMED_XML);
        }

        @Test
        void readsNestingJustBelowTheLimit() {
            int depth = JatsRun.MAX_DEPTH - 4;
            String xml = "<article><body>" + "<sec>".repeat(depth) + "<p>Deep.</p>" + "</sec>".repeat(depth)
                    + "</body></article>";

            assertThat(inline(xml).sections()).extracting(Section::text).containsExactly("Deep.");
        }
    }

    private static java.util.List<String> contexts(JournalArticle article, int number) {
        return article.citations().stream()
                .filter(c -> c.number() == number)
                .map(ParsedCitation::contexts)
                .findFirst()
                .orElse(java.util.List.of());
    }
}
