package com.refractoryatlas.importer.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import com.refractoryatlas.importer.parse.DocumentParser;
import com.refractoryatlas.importer.parse.JournalArticle;
import com.refractoryatlas.importer.parse.ParsedDocument;
import com.refractoryatlas.importer.parse.ParsedReference;
import de.undercouch.citeproc.CSL;
import de.undercouch.citeproc.csl.CSLItemData;
import de.undercouch.citeproc.csl.CSLItemDataBuilder;
import de.undercouch.citeproc.csl.CSLName;
import de.undercouch.citeproc.csl.CSLNameBuilder;
import de.undercouch.citeproc.csl.CSLType;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The reference labeller across the citation styles journals print: the dev split's journal references (gold from
 * the articles' JATS) are rendered as a reference list in each of {@link #STYLES} by citeproc-java from the
 * Citation Style Language's own style files, parsed as a text document, and scored field by field as the corpus
 * evaluation scores them. A style that prints no title or DOI, or truncates its author list ("et al."), is not
 * scored on that field. An accuracy benchmark (no timing), run with
 * {@code ./mvnw -B -ntp -o -pl import-service -am test -Pbenchmark -Dtest=StyleEvaluationBenchmarkTests
 * -Dsurefire.failIfNoSpecifiedTests=false}; the table goes to {@code target/evaluation/styles.md}.
 *
 * <p>The entries are clean (one per line, no page furniture): this measures the labeller and the list's entry
 * starts per style, not layout recovery, which the corpus evaluation measures on real PDFs.
 */
@Tag("benchmark")
class StyleEvaluationBenchmarkTests {

    /** Numbered and author-year styles of biomedical, chemistry, general-science and social-science journals. */
    static final List<String> STYLES = List.of(
            "nlm-citation-sequence",
            "nlm-name-year",
            "american-medical-association",
            "the-lancet",
            "bmj",
            "elsevier-vancouver",
            "springer-vancouver-brackets",
            "sage-vancouver",
            "taylor-and-francis-national-library-of-medicine",
            "biomed-central",
            "plos",
            "peerj",
            "elife",
            "frontiers",
            "nature",
            "cell",
            "science",
            "pnas",
            "annual-reviews",
            "american-chemical-society",
            "royal-society-of-chemistry",
            "ieee",
            "apa",
            "elsevier-harvard",
            "springer-basic-author-date",
            "springer-basic-brackets",
            "karger-journals-author-date",
            "harvard-cite-them-right",
            "chicago-author-date",
            "copernicus-publications",
            "wiley-vch-books");

    private static final String FRONT =
            "Ketamine for treatment-resistant depression\n\nIntroduction\n\nKetamine was studied often.\n\nReferences\n\n";
    /** A label glued to its entry in citeproc's text output ("1.Vos T", "(1)Vos, T.") gets the space print has. */
    private static final Pattern GLUED_LABEL = Pattern.compile("^([\\[(]?+\\d++[.\\])]?+)(?=\\S)");

    /** One gold journal reference and its CSL item. */
    private record Item(CSLItemData csl, Candidate gold) {}

    @Test
    void reportsReferenceFieldAccuracyPerCitationStyle() throws IOException {
        List<Item> items = goldItems(Corpus.committed().root().resolve("dev"));
        assertThat(items).hasSizeGreaterThan(100);
        DocumentParser parser = new DocumentParser();
        StringBuilder report = new StringBuilder("# Reference labeller per citation style\n\n")
                .append(items.size())
                .append(" journal references of the dev split, rendered by citeproc-java in each style\n\n")
                .append("| style | refs | ");
        for (Field f : Field.values()) {
            report.append(f.label()).append(" | ");
        }
        report.append("all fields | whole refs |\n| --- | ---: |").append(" ---: |".repeat(Field.values().length + 2));
        report.append('\n');
        long allExact = 0;
        long allScored = 0;
        for (String style : STYLES) {
            Tally t = score(parser, style, items);
            allExact += t.exactTotal();
            allScored += t.scoredTotal();
            report.append(t.row(style)).append('\n');
        }
        report.append(String.format(
                Locale.ROOT, "%n**all styles**: %.1f%% of %d fields exact%n", 100.0 * allExact / allScored, allScored));
        Path out = Path.of("target", "evaluation", "styles.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report, StandardCharsets.UTF_8);
        System.out.println(report);
        assertThat(allScored).isPositive();
    }

    /** Field counts of one style. */
    private static final class Tally {
        final int[] exact = new int[Field.values().length];
        final int[] scored = new int[Field.values().length];
        int parsed;
        int entries;
        int whole;

        long exactTotal() {
            long s = 0;
            for (int e : exact) {
                s += e;
            }
            return s;
        }

        long scoredTotal() {
            long s = 0;
            for (int e : scored) {
                s += e;
            }
            return s;
        }

        String row(String style) {
            StringBuilder row = new StringBuilder("| ").append(style).append(" | ");
            row.append(parsed).append('/').append(entries).append(" | ");
            for (int f = 0; f < exact.length; f++) {
                row.append(percent(exact[f], scored[f])).append(" | ");
            }
            return row.append(percent(exactTotal(), scoredTotal()))
                    .append(" | ")
                    .append(percent(whole, entries))
                    .append(" |")
                    .toString();
        }

        private static String percent(long part, long whole) {
            return whole == 0 ? "–" : String.format(Locale.ROOT, "%.1f%%", 100.0 * part / whole);
        }
    }

    private static Tally score(DocumentParser parser, String style, List<Item> items) throws IOException {
        String[] entries = CSL.makeAdhocBibliography(
                        style, "text", items.stream().map(Item::csl).toArray(CSLItemData[]::new))
                .getEntries();
        StringBuilder text = new StringBuilder(FRONT);
        for (String e : entries) {
            String line = e.strip().replace('\n', ' ').replace('\t', ' ');
            text.append(GLUED_LABEL.matcher(line).replaceFirst("$1 ")).append('\n');
        }
        ParsedDocument doc = parser.parse("styles-" + style + ".txt", text.toString());
        List<ParsedReference> refs = doc instanceof JournalArticle a ? a.references() : List.of();
        Map<String, ParsedReference> byOpening = new HashMap<>();
        for (ParsedReference r : refs) {
            byOpening.putIfAbsent(opening(r.raw()), r);
        }
        Tally t = new Tally();
        t.parsed = refs.size();
        t.entries = entries.length;
        for (int i = 0; i < entries.length; i++) {
            String entry = entries[i];
            Item item = itemOf(entry, items, i);
            ParsedReference r = byOpening.get(opening(entry));
            Candidate parsed = r == null ? null : Candidate.of(r);
            boolean all = true;
            for (Field f : Field.values()) {
                String gold = f.of(item.gold());
                if (gold == null || !printed(f, gold, entry)) {
                    continue;
                }
                t.scored[f.ordinal()]++;
                if (parsed != null && f.exact(gold, f.of(parsed))) {
                    t.exact[f.ordinal()]++;
                } else {
                    all = false;
                }
            }
            t.whole += all ? 1 : 0;
        }
        return t;
    }

    /** Whether the style prints what the field is scored on: a title, a DOI, the whole author list. */
    private static boolean printed(Field f, String gold, String entry) {
        return switch (f) {
            case TITLE -> Exactness.text(entry).contains(Exactness.text(gold));
            case DOI -> entry.toLowerCase(Locale.ROOT).contains(gold.toLowerCase(Locale.ROOT));
            case AUTHOR_COUNT -> !entry.contains("et al") && !entry.contains("…");
            default -> true;
        };
    }

    /** An entry's first words without its label, as the key that finds the parsed reference read from it. */
    private static String opening(String text) {
        String t = Exactness.text(text).replaceFirst("^\\d+ ?", "");
        return t.substring(0, Math.min(25, t.length()));
    }

    /**
     * The item an entry renders: the one with the longest title that the entry holds with its first author; for a
     * style that prints no titles, the item at the entry's place (such styles number in citation order).
     */
    private static Item itemOf(String entry, List<Item> items, int place) {
        String e = Exactness.text(entry);
        Item best = items.get(place);
        int longest = -1;
        for (Item item : items) {
            String title = Exactness.text(item.csl().getTitle());
            String author = Exactness.text(item.csl().getAuthor()[0].getFamily());
            if (title.length() > longest && e.contains(title) && e.contains(author)) {
                best = item;
                longest = title.length();
            }
        }
        return best;
    }

    /** The dev gold's journal references with authors, title, journal and year. */
    private static List<Item> goldItems(Path dev) throws IOException {
        JsonMapper json = JsonMapper.builder().build();
        List<Item> items = new ArrayList<>();
        List<Path> golds;
        try (var files = Files.list(dev)) {
            golds = files.filter(f -> f.toString().endsWith(".gold.json"))
                    .sorted()
                    .toList();
        }
        for (Path file : golds) {
            int k = 0;
            for (JsonNode r : json.readTree(Files.readString(file)).path("references")) {
                Item item = item(file.getFileName() + "#" + k++, r);
                if (item != null) {
                    items.add(item);
                }
            }
        }
        return items;
    }

    private static @Nullable Item item(String id, JsonNode r) {
        String title = text(r, "title");
        String journal = text(r, "journal");
        String year = text(r, "year");
        JsonNode authors = r.path("authors");
        if (!"journal".equals(r.path("type").asString("journal"))
                || title == null
                || journal == null
                || year == null
                || !authors.isArray()
                || authors.isEmpty()) {
            return null;
        }
        List<CSLName> names = new ArrayList<>();
        for (JsonNode n : authors) {
            names.add(new CSLNameBuilder()
                    .family(n.get(0).asString())
                    .given(n.size() > 1 ? n.get(1).asString() : null)
                    .build());
        }
        CSLItemDataBuilder csl = new CSLItemDataBuilder()
                .id(id)
                .type(CSLType.ARTICLE_JOURNAL)
                .author(names.toArray(CSLName[]::new))
                .title(title)
                .containerTitle(journal)
                .issued(Integer.parseInt(year));
        String volume = text(r, "volume");
        String pages = text(r, "pages");
        String doi = text(r, "doi");
        if (volume != null) {
            csl.volume(volume);
        }
        if (pages != null) {
            csl.page(pages);
        }
        if (doi != null) {
            csl.DOI(doi);
        }
        Candidate gold =
                new Candidate(0, names.getFirst().getFamily(), names.size(), year, volume, pages, journal, title, doi);
        return new Item(csl.build(), gold);
    }

    private static @Nullable String text(JsonNode r, String field) {
        JsonNode v = r.path(field);
        return v.isNull() || v.isMissingNode() ? null : v.asString();
    }
}
