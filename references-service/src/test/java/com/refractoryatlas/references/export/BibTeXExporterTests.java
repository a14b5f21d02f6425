package com.refractoryatlas.references.export;

import static org.assertj.core.api.Assertions.assertThat;

import com.refractoryatlas.references.reference.Reference;
import java.io.StringReader;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jbibtex.BibTeXDatabase;
import org.jbibtex.BibTeXEntry;
import org.jbibtex.BibTeXParser;
import org.jbibtex.Key;
import org.jbibtex.LaTeXParser;
import org.jbibtex.LaTeXPrinter;
import org.junit.jupiter.api.Test;

class BibTeXExporterTests {

    private final BibTeXExporter exporter = new BibTeXExporter();

    private static BibTeXDatabase parse(String bibtex) throws Exception {
        return new BibTeXParser().parse(new StringReader(bibtex));
    }

    /** A field as a reader sees it: parsed by jbibtex, then its LaTeX turned back into plain text. */
    private static String plain(BibTeXEntry entry, Key key) throws Exception {
        var latex = entry.getField(key).toUserString();
        return new LaTeXPrinter().print(new LaTeXParser().parse(latex));
    }

    private static BibTeXEntry onlyEntry(String bibtex) throws Exception {
        var entries = parse(bibtex).getEntries();
        assertThat(entries).hasSize(1);
        return entries.values().iterator().next();
    }

    @Test
    void readsBackToTheSameFields() throws Exception {
        var entry = onlyEntry(exporter.export(ExportFixtures.KETAMINE));

        assertThat(entry.getType()).isEqualTo(BibTeXEntry.TYPE_ARTICLE);
        assertThat(entry.getKey().getValue()).isEqualTo("wilkinson2021ketamine");
        assertThat(plain(entry, BibTeXEntry.KEY_TITLE)).isEqualTo(ExportFixtures.KETAMINE.title());
        assertThat(plain(entry, BibTeXEntry.KEY_JOURNAL)).isEqualTo("Ann N Y Acad Sci");
        assertThat(plain(entry, BibTeXEntry.KEY_VOLUME)).isEqualTo("1498");
        assertThat(plain(entry, BibTeXEntry.KEY_NUMBER)).isEqualTo("1");
        assertThat(entry.getField(BibTeXEntry.KEY_PAGES).toUserString()).isEqualTo("154--171");
        assertThat(plain(entry, BibTeXEntry.KEY_YEAR)).isEqualTo("2021");
        assertThat(plain(entry, BibTeXEntry.KEY_DOI)).isEqualTo("10.1111/nyas.14664");
        assertThat(entry.getField(BibTeXEntry.KEY_AUTHOR).toUserString())
                .isEqualTo("Wilkinson, Steven T. and Ballard, Evan D. and Zarate, Jr., Carlos A.");
    }

    @Test
    void escapesSpecialCharactersSoThatTheyReadBackLiterally() throws Exception {
        var bibtex = exporter.export(ExportFixtures.AWKWARD);
        var entry = onlyEntry(bibtex);

        assertThat(bibtex).contains("\\{in\\}", "100\\%", "\\&", "\\$5", "per\\_dose", "\\#1");
        assertThat(plain(entry, BibTeXEntry.KEY_TITLE)).contains("{in}", "100%", "& $5 per_dose", "#1");
        assertThat(plain(entry, BibTeXEntry.KEY_JOURNAL)).isEqualTo("J. R&D");
        assertThat(entry.getField(BibTeXEntry.KEY_PAGES).toUserString()).isEqualTo("102506");
    }

    @Test
    void keepsNonAsciiNamesAndSuffixesApart() throws Exception {
        var entry = onlyEntry(exporter.export(ExportFixtures.AWKWARD));

        var authors =
                List.of(entry.getField(BibTeXEntry.KEY_AUTHOR).toUserString().split(" and "));
        assertThat(authors).containsExactly("Müller, Jürgen", "van der Berg, III, Anke");
    }

    @Test
    void givesEveryEntryOfAListItsOwnKey() throws Exception {
        var twin = new Reference(
                "ref-twin",
                "Ketamine revisited",
                ExportFixtures.KETAMINE.authors(),
                null,
                null,
                null,
                null,
                2021,
                null);

        var database = parse(exporter.export(List.of(ExportFixtures.KETAMINE, twin, ExportFixtures.AWKWARD)));

        Map<String, String> titles = database.getEntries().entrySet().stream()
                .collect(Collectors.toMap(
                        e -> e.getKey().getValue(),
                        e -> e.getValue().getField(BibTeXEntry.KEY_TITLE).toUserString()));
        assertThat(titles).hasSize(3).containsKeys("wilkinson2021ketamine", "wilkinson2021ketaminea");
    }
}
