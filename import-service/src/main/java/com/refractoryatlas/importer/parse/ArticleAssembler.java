package com.refractoryatlas.importer.parse;

import com.refractoryatlas.importer.parse.layout.LayoutLine;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * Stage 5: builds the {@link ParsedDocument} from the labelled zones — sections from headings and paragraphs
 * (paragraphs cut by page breaks joined again), the reference list through the {@link ReferenceLabeller}, citations
 * through the {@link CitationLinker}, the article metadata from title, byline, affiliations and editorial lines —
 * and decides the document's kind from evidence, recording the evidence as a {@link ParseIssue.Code#DOCUMENT_KIND}
 * note. Never extracts knowledge: that runs after parsing, on the result.
 */
final class ArticleAssembler {

    private static final int MIN_PROSE_WORDS = 25;

    private static final int NAVIGATION_PREFIX = 16;
    private static final String UNTITLED_SECTION = "Main text";

    private final String source;
    private final ParserSettings settings;
    private final IssueLog log;

    private @Nullable String title;
    private @Nullable String byline;
    private int bylineLine;
    private final List<String> affiliations = new ArrayList<>();
    private final List<SectionBuilder> sections = new ArrayList<>();
    private final List<Zone.ReferenceEntry> entries = new ArrayList<>();
    private final Editorial.Found editorial = new Editorial.Found();
    private ReferenceLabeller.@Nullable Fields cite;
    private @Nullable String correspondence;
    private @Nullable String frontDoi;
    private boolean footerSeen;
    private int referenceHeadingLine;
    private boolean entriesWithoutHeading;
    /** The highest reference number the segmenter read (see {@link Zones#highestNumber()}). */
    private int highestNumber;

    private boolean openSectionAtEnd;
    private int firstParagraphLine;

    ArticleAssembler(String source, ParserSettings settings, IssueLog log) {
        this.source = source;
        this.settings = settings;
        this.log = log;
    }

    ParsedDocument assemble(Zones zones) {
        highestNumber = zones.highestNumber();
        for (Zone zone : zones.zones()) {
            read(zone);
        }
        return decide();
    }

    private void read(Zone zone) {
        switch (zone) {
            case Zone.Title t -> title = t.title();
            case Zone.Byline b -> {
                byline = b.raw();
                bylineLine = b.line();
            }
            case Zone.Affiliation a -> affiliation(a);
            case Zone.Heading h -> heading(h);
            case Zone.Paragraph p -> paragraph(p);
            case Zone.ReferenceEntry e -> {
                if (referenceHeadingLine == 0 && entries.isEmpty()) {
                    entriesWithoutHeading = true;
                }
                entries.add(e);
                openSectionAtEnd = false;
            }
            case Zone.FrontMatter f -> frontMatter(f);
            case Zone.Caption c -> {
                // captions stay out of the body text
            }
            case Zone.Table t -> {
                // table cells stay out of the body text
            }
            case Zone.PageFurniture f -> {
                // running headers, page numbers, stamps
            }
            case Zone.Navigation n -> {
                // navigation is found from trailing sections below
            }
        }
    }

    private void affiliation(Zone.Affiliation a) {
        for (LayoutLine line : a.lines()) {
            String affiliation = LineCues.stripLeadingMarks(Markup.clean(line.text()));
            if (!affiliation.isEmpty()) {
                affiliations.add(affiliation);
            }
        }
        if (correspondence == null && Editorial.email(a.text()) != null) {
            correspondence = a.text();
        }
    }

    private void heading(Zone.Heading h) {
        if (h.references()) {
            referenceHeadingLine = h.line() == 0 ? -1 : h.line();
            openSectionAtEnd = false;
            return;
        }
        sections.add(new SectionBuilder(h.heading()));
        openSectionAtEnd = true;
    }

    private void paragraph(Zone.Paragraph p) {
        if (firstParagraphLine == 0) {
            firstParagraphLine = p.line();
        }
        if (sections.isEmpty()) {
            sections.add(new SectionBuilder(title == null || title.isEmpty() ? UNTITLED_SECTION : title));
        }
        sections.get(sections.size() - 1).add(p.lines());
        openSectionAtEnd = true;
    }

    private void frontMatter(Zone.FrontMatter f) {
        String cleaned = f.text();
        switch (f.kind()) {
            case CITE_AS -> {
                footerSeen = true;
                int colon = cleaned.indexOf(':');
                cite = ReferenceLabeller.fields(colonValue(f.raw(), colon >= 0));
            }
            case CORRESPONDENCE -> {
                footerSeen = true;
                correspondence = correspondence == null ? cleaned : correspondence + " " + cleaned;
            }
            case COPYRIGHT, DATES -> footerSeen = true;
            case DOI -> {
                if (frontDoi == null) {
                    frontDoi = Dois.find(cleaned);
                }
            }
            case LABEL, JOURNAL, KEYWORDS -> {
                // kept as zones; nothing the metadata has a field for
            }
        }
        if (f.kind() != Zone.FrontKind.LABEL && f.kind() != Zone.FrontKind.KEYWORDS) {
            Editorial.read(cleaned, f.line(), editorial, log);
        }
    }

    /** The raw text after the first colon that ends a key (the key may be wrapped in emphasis markers). */
    private static String colonValue(String raw, boolean hasColon) {
        if (!hasColon) {
            return raw;
        }
        String rest = raw.substring(raw.indexOf(':') + 1);
        while (rest.startsWith("*") || rest.startsWith("_")) {
            rest = rest.substring(1);
        }
        return rest.strip();
    }

    // ------------------------------------------------------------------ the decision

    private ParsedDocument decide() {
        List<ParsedReference> references = references();
        dropEmptyTrailingSections();
        List<String> navigation = navigationLinks();
        List<String> evidence = evidence(references);
        boolean article = !references.isEmpty()
                || referenceHeadingLine != 0
                || byline != null && (footerSeen || correspondence != null || doi() != null)
                || doi() != null && hasDates();
        if (article) {
            log.info(ParseIssue.Code.DOCUMENT_KIND, "read as a journal article: " + String.join(", ", evidence), null);
            return article(references);
        }
        if (byline != null && !sections.isEmpty() && sections.get(0).heading.equals(title)) {
            // not an article after all: the short line read as a byline was the first heading
            SectionBuilder first = sections.get(0);
            SectionBuilder renamed = new SectionBuilder(Markup.clean(byline));
            renamed.paragraphs.addAll(first.paragraphs);
            sections.set(0, renamed);
        }
        if (proseWords() >= MIN_PROSE_WORDS && title != null && !title.isEmpty()) {
            log.info(
                    ParseIssue.Code.DOCUMENT_KIND,
                    "read as an explainer page (no reference list, "
                            + (byline == null ? "no byline" : "a byline but no DOI, dates or correspondence")
                            + ")",
                    null);
            if (!navigation.isEmpty()) {
                log.info(
                        ParseIssue.Code.UNPARSED_METADATA,
                        navigation.size() + " trailing navigation link(s) kept out of the sections",
                        null);
            }
            List<Section> out = sections();
            citations(List.of());
            return new ExplainerPage(source, title, out, navigation, log.toList());
        }
        log.error(
                ParseIssue.Code.UNRECOGNIZED_LAYOUT,
                "neither a journal article (no byline or reference list) nor an explainer page (no title and prose)",
                null);
        return new Unrecognized(source, log.toList());
    }

    private List<String> evidence(List<ParsedReference> references) {
        List<String> out = new ArrayList<>();
        if (!references.isEmpty()) {
            out.add(references.size() + " references");
        } else if (referenceHeadingLine != 0) {
            out.add("a References heading");
        }
        if (byline != null) {
            out.add("a byline");
        }
        if (doi() != null) {
            out.add("DOI " + doi());
        }
        if (hasDates()) {
            out.add("editorial dates");
        }
        if (correspondence != null) {
            out.add("a correspondence address");
        }
        if (cite != null) {
            out.add("a citation line");
        }
        return out;
    }

    private boolean hasDates() {
        return editorial.received != null || editorial.published != null || editorial.revised != null;
    }

    private @Nullable String doi() {
        return editorial.doi != null ? editorial.doi : cite != null && cite.doi() != null ? cite.doi() : frontDoi;
    }

    private ParsedDocument article(List<ParsedReference> references) {
        if (references.isEmpty()) {
            if (referenceHeadingLine != 0) {
                log.warning(
                        ParseIssue.Code.REFERENCES_NOT_READ,
                        "the document has a References heading but no entry could be read under it",
                        referenceHeadingLine > 0 ? referenceHeadingLine : null);
            } else {
                log.warning(ParseIssue.Code.MISSING_REFERENCES, "no reference list found", null);
            }
        } else if (entriesWithoutHeading) {
            log.info(
                    ParseIssue.Code.MISSING_REFERENCES,
                    "a numbered reference list starts here without a References heading",
                    references.get(0).line());
        }
        Map<Integer, Set<String>> contexts = citations(references);
        List<ParsedCitation> citations = new ArrayList<>();
        contexts.forEach((n, texts) -> citations.add(new ParsedCitation(n, List.copyOf(texts))));
        ArticleMetadata metadata = metadata();
        return new JournalArticle(source, metadata, sections(), references, citations, log.toList());
    }

    private List<Section> sections() {
        List<Section> out = new ArrayList<>();
        for (SectionBuilder s : sections) {
            out.add(new Section(s.heading, s.text()));
        }
        return out;
    }

    private int proseWords() {
        int words = 0;
        for (SectionBuilder s : sections) {
            for (ParagraphBuilder p : s.paragraphs) {
                words += p.text.toString().split(" ").length;
            }
        }
        return words;
    }

    private void dropEmptyTrailingSections() {
        while (!sections.isEmpty()
                && sections.get(sections.size() - 1).paragraphs.isEmpty()
                && !openSectionAtEnd) {
            sections.remove(sections.size() - 1);
        }
    }

    /** Trailing headings with no text after them are the links a web page ends with. */
    private List<String> navigationLinks() {
        List<String> links = new ArrayList<>();
        while (!sections.isEmpty()
                && sections.get(sections.size() - 1).paragraphs.isEmpty()) {
            links.add(0, sections.remove(sections.size() - 1).heading);
        }
        while (!sections.isEmpty()) {
            SectionBuilder last = sections.get(sections.size() - 1);
            if (last.paragraphs.isEmpty()) {
                break;
            }
            ParagraphBuilder p = last.paragraphs.get(last.paragraphs.size() - 1);
            if (!navigationParagraph(p.text.toString())) {
                break;
            }
            links.add(0, p.text.toString());
            last.paragraphs.remove(last.paragraphs.size() - 1);
            if (last.paragraphs.isEmpty()) {
                sections.remove(sections.size() - 1);
            }
        }
        return links;
    }

    private static boolean navigationParagraph(CharSequence text) {
        String lower = text.subSequence(0, Math.min(text.length(), NAVIGATION_PREFIX))
                .toString()
                .toLowerCase(Locale.ROOT);
        return lower.startsWith("read more")
                || lower.startsWith("related")
                || lower.startsWith("see also")
                || lower.startsWith("next:")
                || lower.startsWith("previous:")
                || lower.startsWith("share")
                || lower.startsWith("back to")
                || lower.startsWith("http")
                || lower.startsWith("www.");
    }

    // ------------------------------------------------------------------ references

    private List<ParsedReference> references() {
        List<ParsedReference> out = new ArrayList<>();
        Map<Integer, Integer> seen = new LinkedHashMap<>();
        int unnumbered = 0;
        ReferenceNumbering.Numbered reconciled = ReferenceNumbering.reconcile(entries, highestNumber, log);
        List<Zone.ReferenceEntry> list = reconciled.entries();
        Map<Zone.ReferenceEntry, Integer> renumbered = reconciled.numbers();
        long numbered = list.stream().filter(e -> e.number() != null).count();
        for (Zone.ReferenceEntry e : list) {
            Integer printed = renumbered.containsKey(e) ? renumbered.get(e) : e.number();
            int number;
            if (printed == null && numbered * 2 >= list.size()) {
                // a numbered list's fragment without its number: the tail of an entry cut by a page or column break
                log.warning(
                        ParseIssue.Code.REFERENCE_FRAGMENT_DROPPED,
                        "text in the numbered reference list belongs to no numbered entry and is left out: "
                                + ReferenceLabeller.abbreviateRaw(e.entry()),
                        e.line());
                continue;
            }
            if (printed == null) {
                unnumbered++;
                number = out.size() + 1;
                while (seen.containsKey(number)) {
                    number++;
                }
            } else {
                number = printed;
            }
            if (seen.containsKey(number)) {
                log.warning(
                        ParseIssue.Code.DUPLICATE_REFERENCE_NUMBER,
                        "reference number " + number + " appears again (first at line " + seen.get(number)
                                + "); this entry is ignored",
                        e.line());
                continue;
            }
            seen.put(number, e.line());
            out.add(ReferenceLabeller.parse(number, e.entry(), e.line(), log));
        }
        if (unnumbered > 0 && unnumbered < out.size()) {
            log.warning(
                    ParseIssue.Code.MALFORMED_REFERENCE,
                    unnumbered + " reference line(s) without a number were numbered by position",
                    out.isEmpty() ? null : out.get(0).line());
        } else if (unnumbered > 0) {
            log.info(
                    ParseIssue.Code.REFERENCES_NUMBERED_BY_POSITION,
                    "the reference list is not numbered (author-year); entries are numbered in list order",
                    out.isEmpty() ? null : out.get(0).line());
        }
        out.sort(java.util.Comparator.comparingInt(ParsedReference::number));
        missingNumbers(out);
        return unnumbered == out.size() ? AuthorYearOrder.restore(out, log) : out;
    }

    private void missingNumbers(List<ParsedReference> refs) {
        int expected = 1;
        for (ParsedReference r : refs) {
            if (r.number() > expected) {
                String missing =
                        r.number() - 1 == expected ? String.valueOf(expected) : expected + "-" + (r.number() - 1);
                log.warning(
                        ParseIssue.Code.MISSING_REFERENCE_NUMBER,
                        "reference number(s) " + missing + " missing from the list",
                        r.line());
            }
            expected = r.number() + 1;
        }
    }

    // ------------------------------------------------------------------ citations

    /** Sentences carrying each cited number, with issues for markers the list cannot match. */
    private Map<Integer, Set<String>> citations(List<ParsedReference> references) {
        Set<Integer> known = new LinkedHashSet<>();
        int max = 0;
        for (ParsedReference r : references) {
            known.add(r.number());
            max = Math.max(max, r.number());
        }
        List<String> texts = new ArrayList<>();
        for (SectionBuilder s : sections) {
            for (ParagraphBuilder p : s.paragraphs) {
                texts.add(p.text.toString());
            }
        }
        CitationLinker linker = CitationLinker.of(texts, references, settings.maxCitationRange());
        Map<Integer, Set<String>> contexts = new TreeMap<>();
        int beyond = 0;
        int highest = 0;
        Integer beyondLine = null;
        for (SectionBuilder s : sections) {
            for (ParagraphBuilder p : s.paragraphs) {
                for (Sentences.Sentence sentence : Sentences.split(p.text.toString(), settings.maxCitationRange())) {
                    int line = p.lineAt(sentence.offset());
                    for (int n : cited(linker, sentence, p, line)) {
                        if (known.contains(n)) {
                            contexts.computeIfAbsent(n, k -> new LinkedHashSet<>())
                                    .add(sentence.text());
                            continue;
                        }
                        if (references.isEmpty()) {
                            continue;
                        }
                        log.warning(
                                ParseIssue.Code.UNKNOWN_CITATION,
                                "citation [" + n + "] has no matching reference",
                                line);
                        if (n > max) {
                            beyond++;
                            highest = Math.max(highest, n);
                            beyondLine = beyondLine == null ? line : beyondLine;
                        }
                    }
                }
            }
        }
        if (beyond > 0) {
            log.warning(
                    ParseIssue.Code.CITATION_BEYOND_REFERENCE_LIST,
                    beyond + " citation marker(s) cite past the end of the reference list (up to [" + highest
                            + "], the list ends at " + max + "): the list may be incomplete",
                    beyondLine);
        }
        for (ParsedReference r : references) {
            if (!contexts.containsKey(r.number())) {
                log.warning(
                        ParseIssue.Code.UNCITED_REFERENCE,
                        "reference " + r.number() + " is never cited in the text",
                        r.line());
            }
        }
        return contexts;
    }

    private List<Integer> cited(CitationLinker linker, Sentences.Sentence s, ParagraphBuilder p, int line) {
        List<Integer> out = new ArrayList<>();
        List<Sentences.Marker> markers =
                linker.style() == CitationLinker.Style.BRACKETS || linker.style() == CitationLinker.Style.NONE
                        ? Sentences.markers(s.text(), settings.maxCitationRange())
                        : linker.numberedMarkers(s.text());
        for (Sentences.Marker m : markers) {
            if (m.rangeTooLarge()) {
                log.warning(
                        ParseIssue.Code.CITATION_RANGE_TOO_LARGE,
                        "citation range wider than " + settings.maxCitationRange() + " ignored",
                        p.lineAt(s.offset() + m.offset()));
            }
        }
        if (linker.style() == CitationLinker.Style.BRACKETS || linker.style() == CitationLinker.Style.NONE) {
            out.addAll(s.citations());
        } else {
            markers.forEach(m -> out.addAll(m.numbers()));
        }
        for (int n : linker.authorYear(s.text())) {
            if (!out.contains(n)) {
                out.add(n);
            }
        }
        return out;
    }

    // ------------------------------------------------------------------ metadata

    private ArticleMetadata metadata() {
        String articleTitle = title == null || title.isEmpty() ? null : title;
        if (articleTitle == null && cite != null && cite.title() != null) {
            articleTitle = cite.title();
        }
        if (articleTitle == null) {
            log.warning(
                    ParseIssue.Code.MISSING_TITLE,
                    "no title line before the first paragraph; the source name stands in",
                    firstParagraphLine == 0 ? null : firstParagraphLine);
            articleTitle = source;
        }
        List<ParsedAuthor> authors = authors();
        String email = correspondence == null ? null : Editorial.email(correspondence);
        String affiliation =
                affiliations.isEmpty() ? affiliationFromCorrespondence(authors) : String.join("; ", affiliations);
        Integer year = cite != null && cite.year() != null ? cite.year() : null;
        if (year == null && editorial.published != null) {
            year = editorial.published.getYear();
        }
        return new ArticleMetadata(
                articleTitle,
                authors,
                affiliation,
                email,
                cite == null ? null : cite.journal(),
                cite == null ? null : cite.volume(),
                cite == null ? null : cite.pages(),
                year,
                doi(),
                editorial.manuscriptNumber,
                editorial.received,
                editorial.editorAssigned,
                editorial.reviewed,
                editorial.revised,
                editorial.published);
    }

    private List<ParsedAuthor> authors() {
        List<ParsedAuthor> fromByline = byline == null ? List.of() : AuthorNames.parse(LineCues.bylineNames(byline));
        List<ParsedAuthor> fromCite = cite == null ? List.of() : cite.authors();
        if (!fromCite.isEmpty() && (fromByline.isEmpty() || fromCite.size() == fromByline.size())) {
            return fromCite;
        }
        if (fromByline.isEmpty()) {
            log.warning(ParseIssue.Code.MISSING_AUTHORS, "no author byline found", bylineLine == 0 ? null : bylineLine);
        }
        return fromByline;
    }

    private @Nullable String affiliationFromCorrespondence(List<ParsedAuthor> authors) {
        if (correspondence == null) {
            return null;
        }
        String text = correspondence;
        int colon = text.indexOf(':');
        if (colon >= 0 && colon < text.length() - 1) {
            text = text.substring(colon + 1);
        }
        int mail = text.toLowerCase(Locale.ROOT).indexOf("e-mail");
        if (mail < 0) {
            mail = text.toLowerCase(Locale.ROOT).indexOf("email");
        }
        if (mail >= 0) {
            text = text.substring(0, mail);
        }
        Set<String> nameParts = new LinkedHashSet<>();
        for (ParsedAuthor a : authors) {
            nameParts.add(a.family().toLowerCase(Locale.ROOT));
            if (a.given() != null) {
                nameParts.add(a.given().toLowerCase(Locale.ROOT));
            }
        }
        List<String> items = new ArrayList<>();
        boolean leading = true;
        for (String item : text.split(",")) {
            String t = item.strip();
            if (t.isEmpty() || leading && nameParts.contains(t.toLowerCase(Locale.ROOT))) {
                continue;
            }
            leading = false;
            items.add(t);
        }
        String affiliation = String.join(", ", items).strip();
        return affiliation.isEmpty() ? null : affiliation;
    }

    // ------------------------------------------------------------------ builders

    /** A section being read: paragraphs merged across page-break blank lines. */
    private static final class SectionBuilder {
        final String heading;
        final List<ParagraphBuilder> paragraphs = new ArrayList<>();

        SectionBuilder(String heading) {
            this.heading = heading;
        }

        void add(List<LayoutLine> lines) {
            ParagraphBuilder last = paragraphs.isEmpty() ? null : paragraphs.get(paragraphs.size() - 1);
            ParagraphBuilder next = new ParagraphBuilder(lines);
            if (next.text.isEmpty()) {
                return;
            }
            if (last != null && last.continuesInto(next)) {
                last.merge(next);
            } else {
                paragraphs.add(next);
            }
        }

        String text() {
            List<String> texts = new ArrayList<>();
            for (ParagraphBuilder p : paragraphs) {
                texts.add(p.text.toString());
            }
            return String.join("\n\n", texts);
        }
    }

    /** A paragraph's cleaned text with the source line of each joined line's first character. */
    private static final class ParagraphBuilder {
        final StringBuilder text = new StringBuilder();
        final List<int[]> lineStarts = new ArrayList<>();

        ParagraphBuilder(List<LayoutLine> lines) {
            for (LayoutLine l : lines) {
                appendLine(Hyphenation.repairInline(Markup.clean(l.text())), l.number());
            }
        }

        private void appendLine(String cleaned, int number) {
            if (cleaned.isEmpty()) {
                return;
            }
            lineStarts.add(new int[] {append(cleaned), number});
        }

        /** Appends the next piece (a space between, none after a hyphen, the hyphen dropped for a broken word). */
        private int append(String next) {
            if (Hyphenation.dropHyphen(text, next)) {
                text.setLength(text.length() - 1);
            } else if (!text.isEmpty() && text.charAt(text.length() - 1) != '-') {
                text.append(' ');
            }
            int at = text.length();
            text.append(next);
            return at;
        }

        boolean continuesInto(ParagraphBuilder next) {
            if (navigationParagraph(text) || navigationParagraph(next.text)) {
                return false;
            }
            char last = text.charAt(text.length() - 1);
            char first = next.text.charAt(0);
            return ".!?\"”')]:".indexOf(last) < 0 || Character.isLowerCase(first);
        }

        void merge(ParagraphBuilder next) {
            int shift = append(next.text.toString());
            for (int[] start : next.lineStarts) {
                lineStarts.add(new int[] {start[0] + shift, start[1]});
            }
        }

        /** Binary search over the line starts: a paragraph of many lines and sentences stays linear overall. */
        int lineAt(int offset) {
            if (lineStarts.isEmpty()) {
                return 0;
            }
            int lo = 0;
            int hi = lineStarts.size() - 1;
            while (lo < hi) {
                int mid = (lo + hi + 1) >>> 1;
                if (lineStarts.get(mid)[0] <= offset) {
                    lo = mid;
                } else {
                    hi = mid - 1;
                }
            }
            return lineStarts.get(lo)[1];
        }
    }
}
