package com.refractoryatlas.importer.parse.pdf;

import static org.assertj.core.api.Assertions.assertThat;

import com.refractoryatlas.importer.parse.layout.Layout;
import com.refractoryatlas.importer.parse.layout.LayoutLine;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Published open-access PDFs (see {@code src/test/resources/pdf/README.md}): what a curator imports. */
class PdfReaderRealDocumentsTests {

    private final PdfReader reader = new PdfReader(PdfSettings.defaults());

    private Layout read(String name) throws IOException {
        try (InputStream in = getClass().getResourceAsStream("/pdf/" + name)) {
            PdfReading reading = reader.read(in.readAllBytes());
            assertThat(reading).isInstanceOf(PdfReading.Read.class);
            PdfReading.Read read = (PdfReading.Read) reading;
            assertThat(read.warnings()).isEmpty();
            return read.layout();
        }
    }

    private static List<String> texts(Layout layout) {
        return layout.lines().stream()
                .map(LayoutLine::text)
                .filter(t -> !t.isEmpty())
                .toList();
    }

    /** Index of the first line starting with {@code prefix}; fails when there is none. */
    private static int at(List<String> lines, String prefix) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith(prefix)) {
                return i;
            }
        }
        throw new AssertionError("no line starts with: " + prefix);
    }

    private static LayoutLine largestOnPageOne(Layout layout) {
        LayoutLine largest = null;
        for (LayoutLine line : layout.lines()) {
            boolean pageOne = line.style() != null && line.style().page() == 1;
            if (pageOne
                    && (largest == null
                            || line.style().fontSize() > largest.style().fontSize())) {
                largest = line;
            }
        }
        return largest;
    }

    @Test
    void twoColumnAclPaperReadsTitleAbstractAndColumnsInOrder() throws IOException {
        Layout layout = read("acl-n18-3011.pdf");
        List<String> lines = texts(layout);

        assertThat(lines.get(0)).isEqualTo("Construction of the Literature Graph in Semantic Scholar");
        assertThat(largestOnPageOne(layout).text()).isEqualTo(lines.get(0));
        assertThat(lines)
                .contains("We describe a deployed scalable system", "for organizing published scientific litera-");
        assertThat(at(lines, "We describe a deployed scalable system"))
                .isGreaterThan(at(lines, "Abstract"))
                .isEqualTo(at(lines, "for organizing published scientific litera-") - 1)
                .isLessThan(at(lines, "1 Introduction"));
        // the left column ends before the right column starts: no interleaving across the gutter
        assertThat(at(lines, "of results in academic search (e.g., Xiong et al.,"))
                .isLessThan(at(lines, "2017). We describe methods used in a scalable de-"));
        assertThat(at(lines, "researchers remain unable to answer simple ques-"))
                .isEqualTo(at(lines, "mining and digital libraries (e.g., Wu et al., 2014),") + 1);
        // page numbers 84-91 are gone
        for (int page = 84; page <= 91; page++) {
            assertThat(lines).doesNotContain(String.valueOf(page));
        }
    }

    @Test
    void twoColumnAclPaperKeepsItsReferenceListInOrder() throws IOException {
        List<String> lines = texts(read("acl-n18-3011.pdf"));
        int references = at(lines, "References");
        assertThat(at(lines, "Waleed Ammar, Matthew E. Peters, Chandra Bhagavat-"))
                .isEqualTo(references + 1);
        assertThat(List.of(
                        at(lines, "Waleed Ammar, Matthew E. Peters"),
                        at(lines, "Isabelle Augenstein, Mrinal Das"),
                        at(lines, "Chandra Bhagavatula, Sergey Feldman"),
                        at(lines, "Chandra Bhagavatula, Thanapon Noraset"),
                        at(lines, "Ronan Collobert, Jason Weston, Léon Bottou"),
                        at(lines, "Hal Daumé. 2007."),
                        at(lines, "Sepp Hochreiter and Jürgen Schmidhuber. 1997."),
                        at(lines, "Chenyan Xiong, Russell Power, and Jamie Callan.")))
                .isSorted();
    }

    @Test
    void plosOneArticleDropsItsRunningHeaderAndFooterAndKeepsNumberedReferencesWhole() throws IOException {
        Layout layout = read("plos-one-0115884.pdf");
        List<String> lines = texts(layout);

        assertThat(largestOnPageOne(layout).text()).isEqualTo("A Novel Reproductive Mode in Frogs: A");
        assertThat(largestOnPageOne(layout).style().bold()).isFalse();
        LayoutLine authors = layout.lines()
                .get(at(layout.lines().stream().map(LayoutLine::text).toList(), "Djoko T."));
        assertThat(authors.style().bold()).isTrue();
        assertThat(at(lines, "We describe a new species of fanged frog (Limnonectes larvaepartus) that is"))
                .isEqualTo(at(lines, "Abstract") + 1);
        assertThat(lines).noneMatch(l -> l.contains("PLOS ONE | DOI:10.1371/journal.pone.0115884"));
        assertThat(lines).noneMatch(l -> l.equals("A New Tadpole-Bearing Frog"));
        assertThat(lines).noneMatch(l -> l.matches("\\d+ / 14"));
        int references = at(lines, "References");
        assertThat(List.of(
                        at(lines, "1. Emerson SB, Inger RF, Iskandar DT (2000)"),
                        at(lines, "2. Evans BJ, Brown RM, McGuire JA"),
                        at(lines, "3. Setiadi MI, McGuire JA, Brown RM"),
                        at(lines, "4. Iskandar DT, Tjan KN (1996)"),
                        at(lines, "10. "),
                        at(lines, "20. "),
                        at(lines, "23. Lynn WG (1942)")))
                .isSorted()
                .allMatch(i -> i > references);
        // no reference number stands on a line of its own, cut from its entry
        assertThat(lines.subList(references, lines.size())).noneMatch(l -> l.matches("[1-9]\\.|[12][0-9]\\."));
    }

    @Test
    void condensedFontKeepsItsNarrowWordSpaces() throws IOException {
        List<String> lines = texts(read("rsos-150395.pdf"));
        assertThat(lines)
                .contains("Cite this article: Griffiths K et al. 2015", "Ailuropoda melanoleuca. R. Soc. open sci.");
        assertThat(lines).noneMatch(l -> l.contains("etal.") || l.contains("Ailuropodamelanoleuca"));
    }
}
