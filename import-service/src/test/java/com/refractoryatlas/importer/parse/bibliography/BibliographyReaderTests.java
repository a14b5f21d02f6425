package com.refractoryatlas.importer.parse.bibliography;

import static org.assertj.core.api.Assertions.assertThat;

import com.refractoryatlas.importer.parse.DocumentParser;
import com.refractoryatlas.importer.parse.ParseIssue;
import com.refractoryatlas.importer.parse.ParsedAuthor;
import com.refractoryatlas.importer.parse.ParsedDocument;
import com.refractoryatlas.importer.parse.ParsedReference;
import com.refractoryatlas.importer.parse.ReferenceList;
import com.refractoryatlas.importer.parse.Unrecognized;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class BibliographyReaderTests {

    private static final DocumentParser PARSER = new DocumentParser();

    static byte[] resource(String name) {
        try (InputStream in = BibliographyReaderTests.class.getResourceAsStream("/bibliography/" + name)) {
            assertThat(in).as(name).isNotNull();
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ReferenceList list(String name) {
        return list(name, resource(name));
    }

    static ReferenceList list(String name, byte[] bytes) {
        ParsedDocument parsed = PARSER.parse(name, bytes, null);
        assertThat(parsed).as(parsed.issues().toString()).isInstanceOf(ReferenceList.class);
        return (ReferenceList) parsed;
    }

    static ParsedDocument parse(String name, String text) {
        return PARSER.parse(name, text.getBytes(StandardCharsets.UTF_8), null);
    }

    static List<ParseIssue.Code> codes(ParsedDocument parsed) {
        return parsed.issues().stream().map(ParseIssue::code).toList();
    }

    @Nested
    class PubMed {

        @Test
        void readsARealPubMedExportIntoOneReference() {
            var list = list("pubmed-29768149.xml");

            assertThat(list.format()).isEqualTo("PUBMED_XML");
            assertThat(list.title()).isEqualTo("pubmed-29768149");
            ParsedReference r = list.references().get(0);
            assertThat(list.references()).hasSize(1);
            assertThat(r.title()).isEqualTo("Inhaled Combined Budesonide-Formoterol as Needed in Mild Asthma");
            assertThat(r.authors()).hasSize(10);
            assertThat(r.authors().get(0)).isEqualTo(new ParsedAuthor("O'Byrne", "Paul M", null));
            assertThat(r.journal()).isEqualTo("N Engl J Med");
            assertThat(r.volume()).isEqualTo("378");
            assertThat(r.issue()).isEqualTo("20");
            assertThat(r.pages()).isEqualTo("1865-1876");
            assertThat(r.year()).isEqualTo(2018);
            assertThat(r.doi()).isEqualTo("10.1056/NEJMoa1715274");
        }

        @Test
        void neverTakesADoiFromTheRecordsOwnReferenceList() {
            var parsed = parse("x.xml", """
                    <PubmedArticleSet><PubmedArticle><MedlineCitation><Article><ArticleTitle>A <i>study</i>.</ArticleTitle>
                    <Journal><Title>Some Journal</Title><JournalIssue><PubDate><MedlineDate>1998 Dec-1999 Jan</MedlineDate>
                    </PubDate></JournalIssue></Journal><AuthorList><Author><CollectiveName>The Group</CollectiveName>
                    </Author></AuthorList></Article></MedlineCitation><PubmedData><ReferenceList><Reference>
                    <ArticleIdList><ArticleId IdType="doi">10.9999/not.this</ArticleId></ArticleIdList></Reference>
                    </ReferenceList></PubmedData></PubmedArticle></PubmedArticleSet>
                    """);

            ParsedReference r = ((ReferenceList) parsed).references().get(0);
            assertThat(r.title()).isEqualTo("A study");
            assertThat(r.doi()).isNull();
            assertThat(r.year()).isEqualTo(1998);
            assertThat(r.journal()).isEqualTo("Some Journal");
            assertThat(r.authors()).containsExactly(new ParsedAuthor("The Group", null, null));
        }

        @Test
        void isXxeSafe() {
            var parsed = parse("x.xml", """
                    <?xml version="1.0"?><!DOCTYPE PubmedArticleSet [<!ENTITY x SYSTEM "file:///etc/passwd">]>
                    <PubmedArticleSet><PubmedArticle><MedlineCitation><Article><ArticleTitle>T &x;</ArticleTitle>
                    </Article></MedlineCitation></PubmedArticle></PubmedArticleSet>
                    """);

            assertThat(((ReferenceList) parsed).references().get(0).title()).isEqualTo("T");
            assertThat(codes(parsed)).contains(ParseIssue.Code.UNKNOWN_ENTITY);
        }
    }

    @Nested
    class BibTeX {

        @Test
        void readsARealBibliographyWithLatexAccents() {
            var list = list("pubmed-parser-paper.bib");

            assertThat(list.references()).hasSize(11);
            ParsedReference first = list.references().get(0);
            assertThat(first.title()).isEqualTo("VIST-a Variant-Information Search Tool for precision oncology");
            assertThat(first.authors()).as("'and others' is not an author").hasSize(10);
            assertThat(first.authors().get(0)).isEqualTo(new ParsedAuthor("Ševa", "Jurica", null));
            assertThat(first.authors().get(2)).isEqualTo(new ParsedAuthor("Götze", "Julian", null));
            assertThat(first.journal()).isEqualTo("BMC bioinformatics");
            assertThat(first.volume()).isEqualTo("20");
            assertThat(first.issue()).isEqualTo("1");
            assertThat(first.pages()).isEqualTo("429");
            assertThat(first.year()).isEqualTo(2019);
            assertThat(first.doi()).isEqualTo("10.1186/s12859-019-2958-3");
            assertThat(list.references().get(3).pages()).isEqualTo("56-66");
        }

        @Test
        void agreesWithCitationJsOnEveryBibtexType() {
            var bib = list("citation-js-bibtex-input.bib").references();
            var csl = list("citation-js-bibtex-csl.json").references();

            assertThat(bib).hasSameSizeAs(csl).hasSize(16);
            for (int i = 0; i < bib.size(); i++) {
                assertThat(bib.get(i).title())
                        .as("title %d", i)
                        .isEqualTo(csl.get(i).title());
                assertThat(bib.get(i).authors())
                        .as("authors %d", i)
                        .isEqualTo(csl.get(i).authors());
                assertThat(bib.get(i).year())
                        .as("year %d", i)
                        .isEqualTo(csl.get(i).year());
            }
            assertThat(bib.get(0).pages()).isEqualTo("200-210");
        }

        @Test
        void keepsReadingAfterAnEntryWithUnbalancedBraces() {
            var parsed = parse("refs.bib", """
                    @string{nejm = {New England Journal of Medicine}}
                    @article{good1, author = {M{\\"u}ller, Hans and van der Berg, Jan}, title = {{DNA} repair \\& you},
                      journal = nejm, year = 2020, pages = {727--742}, doi = {https://doi.org/10.1000/XYZ.1}}
                    @article{broken, title = {Never {closed, year = 2019,
                    @book{good2, author = {Smith, Jr., John}, title = {A Book}, year = {1999}, number = {7}}
                    @article{untitled, author = {Nobody, A}, year = 2001}
                    """);

            var list = (ReferenceList) parsed;
            assertThat(list.references())
                    .extracting(ParsedReference::title)
                    .containsExactly("DNA repair & you", "A Book");
            ParsedReference first = list.references().get(0);
            assertThat(first.authors())
                    .containsExactly(
                            new ParsedAuthor("Müller", "Hans", null), new ParsedAuthor("van der Berg", "Jan", null));
            assertThat(first.journal()).isEqualTo("New England Journal of Medicine");
            assertThat(first.pages()).isEqualTo("727-742");
            assertThat(first.doi()).isEqualTo("10.1000/XYZ.1");
            ParsedReference book = list.references().get(1);
            assertThat(book.authors()).containsExactly(new ParsedAuthor("Smith", "John", "Jr."));
            assertThat(book.issue()).as("a book's number is its series number").isNull();
            assertThat(parsed.issues())
                    .filteredOn(i -> i.code() == ParseIssue.Code.MALFORMED_ENTRY)
                    .extracting(ParseIssue::line)
                    .containsExactly(4, 6);
        }

        @Test
        void rejectsBraceNestingDeeperThanTheLimitWithoutRecursing() {
            String deep = "{".repeat(50_000) + "x" + "}".repeat(50_000);
            var parsed =
                    parse("deep.bib", "@article{a, title = " + deep + "}\n@article{b, title = {Fine}, year = 2000}\n");

            assertThat(((ReferenceList) parsed).references())
                    .extracting(ParsedReference::title)
                    .containsExactly("Fine");
            assertThat(parsed.issues()).anySatisfy(i -> assertThat(i.message()).contains("nested deeper"));
        }

        private static String entries(int count) {
            StringBuilder bib = new StringBuilder();
            for (int i = 0; i < count; i++) {
                bib.append("@article{k")
                        .append(i)
                        .append(", title = {T")
                        .append(i)
                        .append("}}\n");
            }
            return bib.toString();
        }

        @Test
        void acceptsAFileAtTheEntryLimit() {
            var parsed = parse("many.bib", entries(Entries.MAX_ENTRIES));

            assertThat(((ReferenceList) parsed).references()).hasSize(Entries.MAX_ENTRIES);
            assertThat(parsed.issues()).noneMatch(i -> i.severity() == ParseIssue.Severity.ERROR);
        }

        @Test
        void refusesAFileOverTheEntryLimitNamingTheLimit() {
            var parsed = parse("many.bib", entries(Entries.MAX_ENTRIES + 1));

            assertThat(parsed.issues())
                    .filteredOn(issue -> issue.code() == ParseIssue.Code.TOO_MANY_REFERENCES)
                    .singleElement()
                    .satisfies(issue -> {
                        assertThat(issue.severity()).isEqualTo(ParseIssue.Severity.ERROR);
                        assertThat(issue.message()).contains("at most 2,000", "limit: references per document");
                    });
        }
    }

    @Nested
    class Ris {

        @Test
        void readsARealRisExportWithOldStyleTags() {
            var list = list("bdarcus-rendition-references.ris");

            assertThat(list.references()).hasSize(92);
            ParsedReference ford = list.references().stream()
                    .filter(r -> r.title().startsWith("Law’s Territory"))
                    .findFirst()
                    .orElseThrow();
            assertThat(ford.authors()).containsExactly(new ParsedAuthor("Ford", "Richard", null));
            assertThat(ford.journal()).isEqualTo("Michigan Law Review");
            assertThat(ford.volume()).isEqualTo("97");
            assertThat(ford.issue()).isEqualTo("4");
            assertThat(ford.pages()).isEqualTo("843-930");
            assertThat(ford.year()).isEqualTo(1999);
            assertThat(ford.doi()).isEqualTo("10.2307/1290376");
            assertThat(list.issues())
                    .filteredOn(i -> i.code() == ParseIssue.Code.MALFORMED_ENTRY)
                    .singleElement()
                    .satisfies(i -> assertThat(i.message()).contains("no title"));
        }

        @Test
        void readsRecordsOfATypeTheSpecificationDoesNotListAsGeneric() {
            var list = list("x.ris", """
                    TY  - MISC
                    AU  - Abu-El-Haija, Sami
                    TI  - MixHop: Higher-Order Graph Convolutional Architectures
                    PY  - 2019
                    ER  -\u0020

                    TY  - JOUR
                    AU  - Kipf, Thomas
                    TI  - Semi-Supervised Classification with Graph Convolutional Networks
                    PY  - 2017
                    ER  -\u0020
                    """.getBytes(java.nio.charset.StandardCharsets.UTF_8));

            assertThat(list.references())
                    .extracting(ParsedReference::title)
                    .containsExactly(
                            "MixHop: Higher-Order Graph Convolutional Architectures",
                            "Semi-Supervised Classification with Graph Convolutional Networks");
            assertThat(list.references().getFirst().authors())
                    .containsExactly(new ParsedAuthor("Abu-El-Haija", "Sami", null));
            assertThat(list.issues()).noneMatch(i -> i.code() == ParseIssue.Code.MALFORMED_ENTRY);
        }

        @Test
        void readsARecordWithEmptyFieldsAsAnExporterWritesThem() {
            // ScienceDirect's export: "IS  - " and "T2  - " with nothing after them (or trimmed to "IS  -")
            var list = list("science.ris", """
                    TY  - JOUR
                    T1  - Phase separation in binary alloys
                    JO  - Acta Materialia
                    VL  - 121
                    IS  -
                    SP  - 310
                    EP  - 324
                    PY  - 2016/12//
                    T2  -
                    AU  - Ghosh, Chanchal
                    DO  - http://dx.doi.org/10.1016/j.actamat.2016.09.028
                    ER  -
                    """.getBytes(StandardCharsets.UTF_8));

            var reference = list.references().getFirst();
            assertThat(reference.title()).isEqualTo("Phase separation in binary alloys");
            assertThat(reference.journal()).isEqualTo("Acta Materialia");
            assertThat(reference.issue()).isNull();
            assertThat(reference.pages()).isEqualTo("310-324");
            assertThat(reference.year()).isEqualTo(2016);
            assertThat(reference.doi()).isEqualTo("10.1016/j.actamat.2016.09.028");
            assertThat(list.issues()).noneMatch(i -> i.code() == ParseIssue.Code.MALFORMED_ENTRY);
        }

        @Test
        void readsARealScienceDirectExport() {
            var reference = list("jabref-sciencedirect.ris").references().getFirst();

            assertThat(reference.journal()).isEqualTo("Acta Materialia");
            assertThat(reference.authors()).hasSize(4);
            assertThat(reference.doi()).isEqualTo("10.1016/j.actamat.2016.09.028");
        }

        @Test
        void readsARecordWithoutErWithAWarning() {
            var parsed = parse("x.ris", """
                    TY  - JOUR
                    AU  - Smith, John A.
                    TI  - First
                    JO  - J Clin Invest
                    PY  - 2019/05/01
                    SP  - 100
                    EP  - 110
                    DO  - 10.1000/abc
                    TY  - JOUR
                    TI  - Second
                    PY  - 2020
                    ER  -\s
                    TY  - BOOK
                    TI  - Third, cut off
                    """);

            var list = (ReferenceList) parsed;
            assertThat(list.references())
                    .extracting(ParsedReference::title)
                    .containsExactly("First", "Second", "Third, cut off");
            ParsedReference first = list.references().get(0);
            assertThat(first.authors()).containsExactly(new ParsedAuthor("Smith", "John A.", null));
            assertThat(first.journal()).isEqualTo("J Clin Invest");
            assertThat(first.pages()).isEqualTo("100-110");
            assertThat(first.year()).isEqualTo(2019);
            assertThat(parsed.issues())
                    .filteredOn(i -> i.code() == ParseIssue.Code.MALFORMED_ENTRY)
                    .extracting(ParseIssue::line)
                    .containsExactly(1, 13);
        }
    }

    @Nested
    class EndNote {

        @Test
        void readsTheTaggedExport() {
            var list = list("endnote-sample.enw");

            assertThat(list.format()).isEqualTo("ENDNOTE");
            assertThat(list.references()).hasSize(2);
            ParsedReference r = list.references().get(0);
            assertThat(r.authors())
                    .containsExactly(
                            new ParsedAuthor("van der Wee", "Nic J. A.", null),
                            new ParsedAuthor("Smith", "John", "Jr."));
            assertThat(r.title()).isEqualTo("Treatment-resistant depression: a review");
            assertThat(r.journal()).isEqualTo("Journal of Affective Disorders");
            assertThat(r.volume()).isEqualTo("12");
            assertThat(r.issue()).isEqualTo("3");
            assertThat(r.pages()).isEqualTo("101-109");
            assertThat(r.year()).isEqualTo(2018);
            assertThat(r.doi()).isEqualTo("10.1016/j.jad.2018.01.001");
            assertThat(codes(list)).containsExactly(ParseIssue.Code.MALFORMED_ENTRY);
        }

        @Test
        void readsEachTagLineAsOneNameWhateverItsGivenNames() {
            String record = String.join(
                    "\n",
                    "%0 Journal Article",
                    "%A van der Berg, Anna Maria",
                    "%A García Márquez, José Luis",
                    "%A Smith, John, Jr.",
                    "%A World Health Organization",
                    "%T Clozapine in treatment-resistant schizophrenia",
                    "%J Schizophrenia Research",
                    "%D 2019",
                    "");

            var list = list("names.enw", record.getBytes(StandardCharsets.UTF_8));

            assertThat(list.references()).hasSize(1);
            assertThat(list.references().get(0).authors())
                    .containsExactly(
                            new ParsedAuthor("van der Berg", "Anna Maria", null),
                            new ParsedAuthor("García Márquez", "José Luis", null),
                            new ParsedAuthor("Smith", "John", "Jr."),
                            new ParsedAuthor("World Health Organization", null, null));
        }

        @Test
        void readsTheXmlExport() {
            var list = list("endnote-sample.xml");

            assertThat(list.format()).isEqualTo("ENDNOTE_XML");
            ParsedReference r = list.references().get(0);
            assertThat(list.references()).hasSize(1);
            assertThat(r.authors())
                    .containsExactly(
                            new ParsedAuthor("Kwan", "Patrick", null), new ParsedAuthor("Brodie", "Martin J.", null));
            assertThat(r.title()).isEqualTo("Early identification of refractory epilepsy");
            assertThat(r.journal()).isEqualTo("N Engl J Med");
            assertThat(r.pages()).isEqualTo("314-319");
            assertThat(r.volume()).isEqualTo("342");
            assertThat(r.issue()).isEqualTo("5");
            assertThat(r.year()).isEqualTo(2000);
            assertThat(r.doi()).isEqualTo("10.1056/NEJM200002033420503");
            assertThat(codes(list)).containsExactly(ParseIssue.Code.MALFORMED_ENTRY);
        }
    }

    @Nested
    class CslJson {

        @Test
        void readsOneItemAndParticles() {
            var parsed = parse("one.json", """
                    {"id": "x", "type": "article-journal", "title": "T", "container-title": "J",
                     "author": [{"family": "Wee", "given": "J", "non-dropping-particle": "van der"}, {"literal": "WHO"}],
                     "issued": {"date-parts": [[2017, 3]]}, "page": "1–2", "DOI": "10.1000/X"}
                    """);

            ParsedReference r = ((ReferenceList) parsed).references().get(0);
            assertThat(r.authors())
                    .containsExactly(new ParsedAuthor("van der Wee", "J", null), new ParsedAuthor("WHO", null, null));
            assertThat(r.year()).isEqualTo(2017);
            assertThat(r.pages()).isEqualTo("1-2");
            assertThat(r.doi()).isEqualTo("10.1000/X");
        }

        @Test
        void keepsTheGoodItemsAroundABrokenOne() {
            var parsed = parse("items.json", """
                    [{"type": "book", "title": "Good one"},
                     {"type": "book", "title": "Broken" "no comma"},
                     {"type": "no-such-type", "title": "Unknown type"}]
                    """);

            assertThat(((ReferenceList) parsed).references())
                    .extracting(ParsedReference::title)
                    .containsExactly("Good one", "Unknown type");
            assertThat(parsed.issues())
                    .filteredOn(i -> i.code() == ParseIssue.Code.MALFORMED_ENTRY)
                    .extracting(ParseIssue::line)
                    .containsExactly(2);
        }

        @Test
        void rejectsJsonThatIsNotCsl() {
            var parsed = parse("package.json", "{\"name\": \"left-pad\", \"version\": \"1.0.0\"}");

            assertThat(parsed).isInstanceOf(Unrecognized.class);
            assertThat(codes(parsed)).contains(ParseIssue.Code.NOT_CSL_JSON);
        }

        @Test
        void rejectsDeepNestingWithoutRecursing() {
            var parsed = parse("deep.json", "[" + "[".repeat(100_000) + "]".repeat(100_000) + "]");

            assertThat(parsed).isInstanceOf(Unrecognized.class);
            assertThat(parsed.issues()).anySatisfy(i -> assertThat(i.message()).contains("nested deeper"));
        }
    }

    @Test
    void rejectsInvalidUtf8() {
        byte[] bytes = "@article{a, title = {caf\u00e9}}".getBytes(StandardCharsets.ISO_8859_1);

        var parsed = PARSER.parse("latin1.bib", bytes, null);

        assertThat(parsed).isInstanceOf(Unrecognized.class);
        assertThat(codes(parsed)).contains(ParseIssue.Code.INVALID_UTF8);
    }

    @Nested
    class Medline {

        /** Two records as PubMed's "Citation manager" export prints them (fields trimmed to what a reference uses). */
        private static final String NBIB = """
                PMID- 27169098
                OWN - NLM
                STAT- PubMed-not-MEDLINE
                VI  - 5
                DP  - 2016 May 12
                TI  - Ketamine for treatment-resistant depression: a review of the
                      evidence and its limits.
                PG  - 67-79
                LID - 10.4103/2277-9175.180636 [doi]
                AB  - An abstract that is not part of the reference.
                FAU - van der Berg, Anna Maria
                AU  - van der Berg AM
                AD  - Department of Psychiatry, A University,
                      A City.
                FAU - Selvamani
                AU  - Selvamani
                CN  - Refractory Depression Study Group
                LA  - eng
                PT  - Journal Article
                TA  - Adv Biomed Res
                JT  - Advanced biomedical research
                AID - 10.4103/2277-9175.180636 [doi]
                AID - ABR-5-67 [pii]
                SO  - Adv Biomed Res. 2016 May 12;5:67-79.

                PMID- 30000001
                DP  - 2019 Oct
                TI  - Clozapine in treatment-resistant schizophrenia.
                AU  - Smith JW
                AU  - Doe J
                TA  - Schizophr Res
                VI  - 212
                IP  - 4
                PG  - 100-9
                """;

        @Test
        void readsEachRecordOfAPubMedExportIntoAReference() {
            var list = list("pubmed-ketamine.nbib", NBIB.getBytes(StandardCharsets.UTF_8));

            assertThat(list.format()).isEqualTo("MEDLINE");
            assertThat(list.references()).hasSize(2);
            var first = list.references().getFirst();
            assertThat(first.title())
                    .isEqualTo("Ketamine for treatment-resistant depression: a review of the evidence and its limits");
            assertThat(first.authors())
                    .containsExactly(
                            new ParsedAuthor("van der Berg", "Anna Maria", null),
                            new ParsedAuthor("Selvamani", null, null),
                            new ParsedAuthor("Refractory Depression Study Group", null, null));
            assertThat(first.journal()).isEqualTo("Adv Biomed Res");
            assertThat(first.volume()).isEqualTo("5");
            assertThat(first.pages()).isEqualTo("67-79");
            assertThat(first.year()).isEqualTo(2016);
            assertThat(first.doi()).isEqualTo("10.4103/2277-9175.180636");
            var second = list.references().get(1);
            assertThat(second.authors())
                    .containsExactly(new ParsedAuthor("Smith", "JW", null), new ParsedAuthor("Doe", "J", null));
            assertThat(second.issue()).isEqualTo("4");
            assertThat(second.year()).isEqualTo(2019);
            assertThat(second.doi()).isNull();
        }

        @Test
        void readsARealNbibExport() {
            var list = list("jabref-nbib-importer-test.nbib");

            var reference = list.references().getFirst();
            assertThat(reference.title()).isEqualTo("Proteomics: A new perspective for cancer");
            assertThat(reference.authors())
                    .first()
                    .isEqualTo(new ParsedAuthor("Shruthi", "Basavaradhya Sahukar", null));
            assertThat(reference.authors()).hasSize(4);
            assertThat(reference.journal()).isEqualTo("Adv Biomed Res");
            assertThat(reference.volume()).isEqualTo("5");
            assertThat(reference.pages()).isEqualTo("67");
            assertThat(reference.year()).isEqualTo(2016);
            assertThat(reference.doi()).isEqualTo("10.4103/2277-9175.180636");
        }

        @Test
        void leavesOutARecordWithoutATitleAndSaysSo() {
            var list = list(
                    "x.txt", (NBIB + "\nPMID- 30000002\nDP  - 2020\nAU  - Roe R\n").getBytes(StandardCharsets.UTF_8));

            assertThat(list.references()).hasSize(2);
            assertThat(list.issues())
                    .filteredOn(i -> i.code() == ParseIssue.Code.MALFORMED_ENTRY)
                    .singleElement()
                    .satisfies(i -> assertThat(i.line()).isEqualTo(NBIB.split("\n").length + 2));
        }
    }

    @Nested
    class Encodings {

        private static final String BIBTEX =
                "@article{k, author={M\u00fcller, J\u00fcrgen}, title={Caf\u00e9 \u03c9 study},"
                        + " journal={J}, year={2020}}\n";

        @Test
        void readsUtf16WithAByteOrderMarkInEitherOrder() {
            for (var charset : List.of(StandardCharsets.UTF_16BE, StandardCharsets.UTF_16LE)) {
                byte[] mark = charset == StandardCharsets.UTF_16BE
                        ? new byte[] {(byte) 0xFE, (byte) 0xFF}
                        : new byte[] {(byte) 0xFF, (byte) 0xFE};
                var list = list("x.bib", concat(mark, BIBTEX.getBytes(charset)));

                assertThat(list.references().getFirst().title())
                        .as(charset.name())
                        .isEqualTo("Café ω study");
                assertThat(list.references().getFirst().authors().getFirst().family())
                        .isEqualTo("Müller");
            }
        }

        @Test
        void readsUtf16WithoutAByteOrderMark() {
            var list = list("x.bib", BIBTEX.getBytes(StandardCharsets.UTF_16LE));

            assertThat(list.references().getFirst().title()).isEqualTo("Café ω study");
        }

        @Test
        void readsTheEncodingABibtexFileDeclaresOnItsFirstLine() {
            var text =
                    "% Encoding: windows-1252\n\n@article{k, author={M\u00fcller, J}, title={Caf\u00e9 at 25\u00b0C},"
                            + " journal={J}, year={2020}}\n";
            var list = list("x.bib", text.getBytes(java.nio.charset.Charset.forName("windows-1252")));

            assertThat(list.references().getFirst().title()).isEqualTo("Café at 25°C");
        }

        @Test
        void refusesUndeclaredLegacyBytesWithATypedErrorThatSaysWhatToDo() {
            var text = "@article{k, author={M\u00fcller, J}, title={Caf\u00e9}, journal={J}, year={2020}}\n";
            var parsed = PARSER.parse("x.bib", text.getBytes(java.nio.charset.Charset.forName("windows-1252")), null);

            assertThat(parsed).isInstanceOf(Unrecognized.class);
            assertThat(parsed.issues().getFirst().code()).isEqualTo(ParseIssue.Code.INVALID_UTF8);
            assertThat(parsed.issues().getFirst().message()).contains("save the file as UTF-8");
        }

        @Test
        void refusesBytesNotValidInTheDeclaredEncoding() {
            // 0x81 has no character in windows-1252
            var bytes = concat(
                    "% Encoding: windows-1252\n@article{k, title={T".getBytes(StandardCharsets.US_ASCII),
                    new byte[] {(byte) 0x81},
                    "}, year={2020}}\n".getBytes(StandardCharsets.US_ASCII));
            var parsed = PARSER.parse("x.bib", bytes, null);

            assertThat(parsed).isInstanceOf(Unrecognized.class);
            assertThat(codes(parsed)).containsExactly(ParseIssue.Code.INVALID_ENCODING);
            assertThat(parsed.issues().getFirst().message()).contains("windows-1252", "% Encoding");
        }

        @Test
        void readsAUtf16TextDocumentAsItsUtf8Original() throws java.io.IOException {
            byte[] utf8;
            try (var seeds = java.nio.file.Files.list(java.nio.file.Path.of("../samples/seeds"))) {
                utf8 = java.nio.file.Files.readAllBytes(
                        seeds.sorted().findFirst().orElseThrow());
            }
            var text = new String(utf8, StandardCharsets.UTF_8);
            byte[] utf16 = concat(new byte[] {(byte) 0xFF, (byte) 0xFE}, text.getBytes(StandardCharsets.UTF_16LE));

            var original = PARSER.parse("seed.txt", utf8, null);
            assertThat(original).isNotInstanceOf(Unrecognized.class);
            assertThat(PARSER.parse("seed.txt", utf16, null)).isEqualTo(original);
        }

        private static byte[] concat(byte[]... parts) {
            var out = new java.io.ByteArrayOutputStream();
            for (byte[] part : parts) {
                out.writeBytes(part);
            }
            return out.toByteArray();
        }
    }
}
