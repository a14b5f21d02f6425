package com.refractoryatlas.importer.parse.format;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FormatDetectorTests {

    private static DocumentFormat detect(String text) {
        return FormatDetector.detect(text.getBytes(StandardCharsets.UTF_8), null, null);
    }

    private static byte[] resource(String path) {
        try (InputStream in = FormatDetectorTests.class.getResourceAsStream(path)) {
            assertThat(in).as(path).isNotNull();
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @ParameterizedTest
    @CsvSource({
        "/jats/1471-2180-11-174.nxml, JATS_XML",
        "/jats/1472-6831-8-11.nxml, JATS_XML",
        "/jats/elife-02833-v2.xml, JATS_XML",
        "/bibliography/pubmed-29768149.xml, PUBMED_XML",
        "/bibliography/pubmed-parser-paper.bib, BIBTEX",
        "/bibliography/citation-js-bibtex-input.bib, BIBTEX",
        "/bibliography/citation-js-bibtex-csl.json, CSL_JSON",
        "/bibliography/bdarcus-rendition-references.ris, RIS",
        "/bibliography/endnote-sample.enw, ENDNOTE",
        "/bibliography/endnote-sample.xml, ENDNOTE_XML"
    })
    void recognizesRealFilesFromTheirContentAlone(String path, DocumentFormat expected) {
        assertThat(FormatDetector.detect(resource(path), null, null)).isEqualTo(expected);
    }

    @Test
    void neverTakesASeedOrATestDocumentForAStructuredFormat() throws IOException {
        List<Path> documents;
        try (Stream<Path> seeds = Files.list(Path.of("../samples/seeds"));
                Stream<Path> extra = Files.walk(Path.of("src/test/resources/documents"))) {
            documents = Stream.concat(seeds, extra).filter(Files::isRegularFile).toList();
        }

        assertThat(documents).hasSizeGreaterThanOrEqualTo(13);
        for (Path document : documents) {
            byte[] bytes = Files.readAllBytes(document);
            assertThat(FormatDetector.detect(
                            bytes, "text/plain", document.getFileName().toString()))
                    .as(document.toString())
                    .isEqualTo(DocumentFormat.TEXT);
        }
    }

    @Test
    void findsTheRootElementPastTheDeclarationCommentsAndADoctypeWithAnInternalSubset() {
        assertThat(detect("""
                <?xml version="1.0"?>
                <!-- <PubmedArticleSet> in a comment is not the root -->
                <!DOCTYPE article [<!ENTITY a "<pubmedarticleset>">]>
                <article xmlns="https://jats.nlm.nih.gov/ns/archiving/1.3/"><front/></article>
                """)).isEqualTo(DocumentFormat.JATS_XML);
        assertThat(detect("<pmc-articleset><article/></pmc-articleset>")).isEqualTo(DocumentFormat.JATS_XML);
        assertThat(detect("<OAI-PMH><GetRecord><record><metadata><article>")).isEqualTo(DocumentFormat.JATS_XML);
        assertThat(detect("<html><body><p>web page</p></body></html>")).isEqualTo(DocumentFormat.TEXT);
    }

    @Test
    void recognizesEachFormatsFirstRecord() {
        assertThat(detect("%PDF-1.7\n...")).isEqualTo(DocumentFormat.PDF);
        assertThat(detect("\uFEFF@article{k, title={T}}")).isEqualTo(DocumentFormat.BIBTEX);
        assertThat(detect("% JabRef export\n@book{k, title={T}}")).isEqualTo(DocumentFormat.BIBTEX);
        assertThat(detect("TY  - JOUR\nTI  - T\nER  - \n")).isEqualTo(DocumentFormat.RIS);
        assertThat(detect("TY - JOUR\nTI  - T\n")).isEqualTo(DocumentFormat.RIS);
        assertThat(detect("%0 Journal Article\n%T A title\n%A Smith, J\n")).isEqualTo(DocumentFormat.ENDNOTE);
        assertThat(detect("[{\"type\": \"book\", \"title\": \"T\"}]")).isEqualTo(DocumentFormat.CSL_JSON);
        assertThat(detect("{\"name\": \"not csl, but JSON: the CSL reader says so\"}"))
                .isEqualTo(DocumentFormat.CSL_JSON);
    }

    @Test
    void recognizesPubMedsMedlineTextButNotProseAboutAPmid() {
        assertThat(detect("PMID- 27169098\nOWN - NLM\nTI  - A title.\nFAU - Smith, John\n"))
                .isEqualTo(DocumentFormat.MEDLINE);
        assertThat(detect("PMID- 27169098 is the record we discussed.\nThe rest is prose.\n"))
                .isEqualTo(DocumentFormat.TEXT);
    }

    @Test
    void recognizesPubMedsBookRecordsAsPubMedXml() {
        assertThat(detect("<?xml version=\"1.0\"?>\n<PubmedBookArticleSet>\n<PubmedBookArticle>"))
                .isEqualTo(DocumentFormat.PUBMED_XML);
    }

    @Test
    void readsTheFirstRecordInTheEncodingTheBytesState() {
        String ris = "TY  - JOUR\nTI  - T\nER  - \n";
        byte[] marked = ("\uFEFF" + ris).getBytes(StandardCharsets.UTF_16BE);

        assertThat(FormatDetector.detect(marked, null, null)).isEqualTo(DocumentFormat.RIS);
        assertThat(FormatDetector.detect(ris.getBytes(StandardCharsets.UTF_16LE), null, null))
                .isEqualTo(DocumentFormat.RIS);
    }

    @Test
    void leavesProseThatMerelyMentionsTheMarkersAsText() {
        assertThat(detect("Contact us at info@example.org{x} or see TY  - the RIS tag.\n"))
                .isEqualTo(DocumentFormat.TEXT);
        assertThat(detect("# Notes\n\nThe tag TY  - JOUR starts a RIS record.\n"))
                .isEqualTo(DocumentFormat.TEXT);
        assertThat(detect("Title\n\n%0 of patients responded.\n")).isEqualTo(DocumentFormat.TEXT);
        assertThat(detect("[1] Smith J. A title. J Med. 2020;1:1-2.\n")).isEqualTo(DocumentFormat.TEXT);
    }

    @Test
    void staysLinearOnInputMadeOfLineBreaks() {
        // a pattern like (?m)^\s*@ backtracks over every following blank line from every line start: 64 KB of
        // line breaks would cost 2^32 steps; the detector's patterns never cross a line
        String blank = "\n".repeat(FormatDetector.PROBE_BYTES) + "@";

        assertThat(detect(blank)).isEqualTo(DocumentFormat.TEXT);
        assertThat(detect(" \n\t".repeat(FormatDetector.PROBE_BYTES / 3) + "TY"))
                .isEqualTo(DocumentFormat.TEXT);
    }

    @Test
    void takesABibtexFileWithALeadingPreambleWhenItsNameSaysSo() {
        byte[] bib = "This file was exported by Mendeley.\n\n@article{k, title={T}}\n".getBytes(StandardCharsets.UTF_8);

        assertThat(FormatDetector.detect(bib, null, "library.bib")).isEqualTo(DocumentFormat.BIBTEX);
        assertThat(FormatDetector.detect(bib, null, null)).isEqualTo(DocumentFormat.TEXT);
    }
}
