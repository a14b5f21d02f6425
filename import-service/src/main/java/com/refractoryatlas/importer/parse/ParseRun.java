package com.refractoryatlas.importer.parse;

import com.refractoryatlas.importer.extract.Extraction;
import com.refractoryatlas.importer.extract.ExtractionNote;
import com.refractoryatlas.importer.extract.Knowledge;
import com.refractoryatlas.importer.extract.KnowledgeExtractor;
import com.refractoryatlas.importer.extract.TextParagraph;
import com.refractoryatlas.importer.extract.TextSentence;
import com.refractoryatlas.importer.parse.TextBlocks.Block;
import com.refractoryatlas.importer.parse.TextBlocks.Line;
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
 * One parse of one document: guards the input, reads blocks in one pass (front matter, body sections, reference
 * list, editorial footer), links citations, extracts knowledge and decides the document's kind. Not thread-safe;
 * the facade creates one per call.
 */
final class ParseRun {

    private static final int MAX_TITLE_CHARS = 300;
    private static final int MAX_TITLE_LINES = 3;
    private static final int MAX_HEADING_CHARS = 120;
    private static final int MAX_HEADING_WORDS = 15;
    private static final int MAX_AFFILIATION_CHARS = 500;
    private static final int MIN_PROSE_WORDS = 25;
    private static final int FOOTER_RESIDUE_CHARS = 200;
    private static final String UNTITLED_SECTION = "Main text";
    private static final String NOTES_SECTION = "Notes";
    private static final Set<String> REFERENCE_HEADINGS = Set.of(
            "references",
            "reference",
            "bibliography",
            "literature cited",
            "works cited",
            "cited literature",
            "sources",
            "reference list",
            "literature",
            "references and notes",
            "citations");
    private static final Set<String> LABELS = Set.of(
            "open access",
            "research article",
            "review article",
            "review",
            "short communication",
            "commentary",
            "editorial",
            "mini review",
            "perspective",
            "case report",
            "opinion",
            "original article",
            "letter",
            "opinion article",
            "brief report");
    private static final String[] AFFILIATION_WORDS = {
        "department", "university", "hospital", "institute", "college", "school", "faculty", "center", "centre",
        "clinic", "laboratory", "division", "unit", "foundation", "academy", "medical", "universit", "research"
    };
    private static final Set<String> DEGREES = Set.of(
            "md", "phd", "mbbs", "msc", "bsc", "do", "rn", "mph", "frcp", "frcpc", "mrcp", "dphil", "pharmd", "mbchb",
            "dm", "dnb", "facp", "ms", "ma", "mba", "bs", "ba", "dds", "dmd", "facs");

    private enum State {
        FRONT,
        BODY,
        REFERENCES,
        FOOTER
    }

    private final String source;
    private final ParserSettings settings;
    private final KnowledgeExtractor extractor;
    private final IssueLog log;

    private State state = State.FRONT;
    private boolean markdown;
    private @Nullable String title;
    private @Nullable String byline;
    private int bylineLine;
    private final List<String> affiliations = new ArrayList<>();
    private final List<SectionBuilder> sections = new ArrayList<>();
    private final List<EntryBuilder> entries = new ArrayList<>();
    private final List<String> footerTexts = new ArrayList<>();
    private final Editorial.Found editorial = new Editorial.Found();
    private ReferenceParser.@Nullable Fields cite;
    private @Nullable String correspondence;
    private @Nullable String frontDoi;
    private boolean footerSeen;
    private boolean referencesHeadingSeen;

    ParseRun(String source, ParserSettings settings, KnowledgeExtractor extractor) {
        this.source = source;
        this.settings = settings;
        this.extractor = extractor;
        this.log = new IssueLog(settings.maxIssuesPerCode());
    }

    ParsedDocument parse(byte[] bytes) {
        if (bytes.length > settings.maxBytes()) {
            return tooLarge(bytes.length);
        }
        String text = InputGuard.decode(bytes, log);
        return text == null ? unrecognized() : parse(text);
    }

    ParsedDocument parse(String text) {
        long size = InputGuard.utf8Length(text, settings.maxBytes());
        if (size > settings.maxBytes()) {
            return tooLarge(size);
        }
        if (!InputGuard.acceptable(text, log)) {
            return unrecognized();
        }
        List<Block> blocks = TextBlocks.split(TextBlocks.normalize(text));
        markdown = countAtxHeadings(blocks) >= 2;
        for (Block block : blocks) {
            read(block);
        }
        return assemble();
    }

    private ParsedDocument tooLarge(long size) {
        log.error(
                ParseIssue.Code.TOO_LARGE,
                "the document has " + (size > settings.maxBytes() ? "more than " + settings.maxBytes() : size)
                        + " bytes; the limit is " + settings.maxBytes(),
                null);
        return unrecognized();
    }

    private Unrecognized unrecognized() {
        return new Unrecognized(source, log.toList());
    }

    private static int countAtxHeadings(List<Block> blocks) {
        int count = 0;
        for (Block b : blocks) {
            for (Line l : b.lines()) {
                if (Markup.atxHeading(l.text()) != null) {
                    count++;
                }
            }
        }
        return count;
    }

    // ------------------------------------------------------------------ reading, one block at a time

    private void read(Block block) {
        if (block.rule()) {
            return;
        }
        String cleaned = block.joinedCleaned();
        if (cleaned.isEmpty()) {
            return;
        }
        if (isFooter(cleaned)) {
            footer(block, cleaned);
            return;
        }
        switch (state) {
            case FRONT -> front(block, cleaned);
            case BODY -> body(block, cleaned);
            case REFERENCES -> references(block, cleaned);
            case FOOTER -> afterFooter(block, cleaned);
        }
    }

    private void front(Block block, String cleaned) {
        if (title == null) {
            if (isLabel(cleaned)) {
                return;
            }
            String heading = Markup.atxHeading(block.first());
            if (block.single() && heading != null) {
                title = heading;
                return;
            }
            if (block.lines().size() <= MAX_TITLE_LINES
                    && cleaned.length() <= MAX_TITLE_CHARS
                    && !cleaned.endsWith(".")) {
                title = cleaned;
                return;
            }
            log.warning(ParseIssue.Code.MISSING_TITLE, "no title line before the first paragraph", block.line());
            title = "";
            body(block, cleaned);
            return;
        }
        if (byline == null && affiliations.isEmpty() && block.lines().size() <= 2 && isByline(block)) {
            byline = block.joinedRaw();
            bylineLine = block.line();
            return;
        }
        if (byline != null && isAffiliation(block, cleaned)) {
            affiliations.add(cleaned);
            String email = Editorial.email(cleaned);
            if (email != null && correspondence == null) {
                correspondence = cleaned;
            }
            return;
        }
        if (startsWithKeywords(cleaned)) {
            return;
        }
        state = State.BODY;
        body(block, cleaned);
    }

    private void body(Block block, String cleaned) {
        String heading = heading(block, cleaned);
        if (heading != null) {
            openSection(heading);
            return;
        }
        if (entries.isEmpty() && looksLikeFirstReference(block)) {
            log.info(
                    ParseIssue.Code.MISSING_REFERENCES,
                    "a numbered reference list starts here without a References heading",
                    block.line());
            state = State.REFERENCES;
            references(block, cleaned);
            return;
        }
        paragraph(block);
    }

    private void openSection(String heading) {
        if (REFERENCE_HEADINGS.contains(normalizeHeading(heading))) {
            state = State.REFERENCES;
            referencesHeadingSeen = true;
            return;
        }
        state = State.BODY;
        sections.add(new SectionBuilder(heading));
    }

    private void paragraph(Block block) {
        if (sections.isEmpty()) {
            sections.add(new SectionBuilder(title == null || title.isEmpty() ? UNTITLED_SECTION : title));
        }
        sections.get(sections.size() - 1).add(block);
    }

    private void references(Block block, String cleaned) {
        String heading = markdown || Markup.isBoldLine(block.first()) ? heading(block, cleaned) : null;
        if (heading != null || plainHeadingAfterCompleteEntry(block, cleaned)) {
            openSection(heading != null ? heading : cleaned);
            return;
        }
        for (Line line : block.lines()) {
            EntryStart start = entryStart(line.text());
            if (start != null) {
                entries.add(new EntryBuilder(start.number(), start.rest(), line.number()));
            } else if (!entries.isEmpty()) {
                entries.get(entries.size() - 1).append(line.text());
            } else if (!line.text().isBlank()) {
                entries.add(new EntryBuilder(-1, line.text(), line.number()));
            }
        }
    }

    private boolean plainHeadingAfterCompleteEntry(Block block, String cleaned) {
        if (entries.isEmpty() || !block.single() || !plainHeadingLike(cleaned)) {
            return false;
        }
        for (int i = 0; i < cleaned.length(); i++) {
            if (Character.isDigit(cleaned.charAt(i))) {
                return false;
            }
        }
        return entries.get(entries.size() - 1).complete() && entryStart(block.first()) == null;
    }

    private void afterFooter(Block block, String cleaned) {
        String heading = heading(block, cleaned);
        if (heading != null) {
            openSection(heading);
            return;
        }
        if (cleaned.length() < FOOTER_RESIDUE_CHARS) {
            footerTexts.add(cleaned);
            return;
        }
        if (sections.isEmpty() || !sections.get(sections.size() - 1).heading.equals(NOTES_SECTION)) {
            sections.add(new SectionBuilder(NOTES_SECTION));
        }
        sections.get(sections.size() - 1).add(block);
    }

    private void footer(Block block, String cleaned) {
        footerSeen = true;
        if (state != State.FRONT) {
            state = State.FOOTER;
        }
        String lower = cleaned.toLowerCase(Locale.ROOT);
        if (lower.startsWith("how to cite") || lower.startsWith("cite this article") || lower.startsWith("citation:")) {
            int colon = cleaned.indexOf(':');
            cite = ReferenceParser.fields(colonValue(block.joinedRaw(), colon >= 0));
        } else if (lower.startsWith("address for correspondence")
                || lower.startsWith("corresponding author")
                || lower.startsWith("correspondence")) {
            correspondence = cleaned;
        } else if (lower.startsWith("copyright") || lower.startsWith("©")) {
            footerTexts.add(cleaned);
        } else if (lower.startsWith("e-mail:") || lower.startsWith("email:")) {
            correspondence = correspondence == null ? cleaned : correspondence + " " + cleaned;
        }
        Editorial.read(cleaned, block.line(), editorial, log);
    }

    /** The raw text after the first colon that ends a key (the key may be wrapped in emphasis markers). */
    private static String colonValue(String raw, boolean hasColon) {
        if (!hasColon) {
            return raw;
        }
        int colon = raw.indexOf(':');
        String rest = raw.substring(colon + 1);
        while (rest.startsWith("*") || rest.startsWith("_")) {
            rest = rest.substring(1);
        }
        return rest.strip();
    }

    // ------------------------------------------------------------------ block predicates

    private @Nullable String heading(Block block, String cleaned) {
        if (!block.single()) {
            return null;
        }
        String atx = Markup.atxHeading(block.first());
        if (atx != null) {
            return atx;
        }
        if (Markup.isBoldLine(block.first()) && plainHeadingLike(cleaned)) {
            return cleaned;
        }
        return !markdown && plainHeadingLike(cleaned) ? cleaned : null;
    }

    private static boolean plainHeadingLike(String cleaned) {
        if (cleaned.isEmpty() || cleaned.length() > MAX_HEADING_CHARS) {
            return false;
        }
        char first = cleaned.charAt(0);
        char last = cleaned.charAt(cleaned.length() - 1);
        if (!(Character.isUpperCase(first) || Character.isDigit(first)) || ".,;:".indexOf(last) >= 0) {
            return false;
        }
        if (cleaned.indexOf('[') >= 0
                || cleaned.startsWith("http")
                || Editorial.EMAIL.matcher(cleaned).find()) {
            return false;
        }
        return cleaned.split(" ").length <= MAX_HEADING_WORDS;
    }

    private static String normalizeHeading(String heading) {
        String h = heading.toLowerCase(Locale.ROOT).strip();
        int i = 0;
        while (i < h.length() && (Character.isDigit(h.charAt(i)) || h.charAt(i) == '.' || h.charAt(i) == ' ')) {
            i++;
        }
        h = h.substring(i);
        while (!h.isEmpty() && ":.".indexOf(h.charAt(h.length() - 1)) >= 0) {
            h = h.substring(0, h.length() - 1);
        }
        return h;
    }

    private static boolean isLabel(String cleaned) {
        String lower = cleaned.toLowerCase(Locale.ROOT);
        return LABELS.contains(lower) || lower.contains("issn") || lower.startsWith("volume ") && lower.length() < 60;
    }

    private static boolean isFooter(String cleaned) {
        String lower = cleaned.toLowerCase(Locale.ROOT);
        return lower.startsWith("how to cite")
                || lower.startsWith("cite this article")
                || lower.startsWith("citation:")
                || lower.startsWith("address for correspondence")
                || lower.startsWith("corresponding author")
                || lower.startsWith("correspondence:")
                || lower.startsWith("copyright")
                || lower.startsWith("©")
                || lower.startsWith("e-mail:")
                || lower.startsWith("email:")
                || Editorial.startsWithKey(cleaned);
    }

    private static boolean startsWithKeywords(String cleaned) {
        String lower = cleaned.toLowerCase(Locale.ROOT);
        return lower.startsWith("keywords:") || lower.startsWith("key words:");
    }

    private boolean isByline(Block block) {
        String names = bylineNames(block.joinedRaw());
        if (names.isEmpty() || !AuthorNames.looksLikeNameList(names)) {
            return false;
        }
        for (String item : names.split("[,;]| and | & ")) {
            String t = item.strip();
            if (!t.isEmpty() && t.split(" +").length < 2) {
                return false;
            }
        }
        return true;
    }

    /** A byline without affiliation marks, footnote symbols and degrees. */
    static String bylineNames(String raw) {
        String s = Markup.clean(raw);
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isDigit(c) || "†‡§¶#¹²³⁴⁵⁶⁷⁸⁹⁰⁺".indexOf(c) >= 0) {
                continue;
            }
            out.append(c);
        }
        List<String> kept = new ArrayList<>();
        for (String item : out.toString().split(",")) {
            String t = item.strip();
            if (!t.isEmpty() && !DEGREES.contains(t.toLowerCase(Locale.ROOT).replace(".", ""))) {
                kept.add(t);
            }
        }
        return String.join(", ", kept);
    }

    private boolean isAffiliation(Block block, String cleaned) {
        if (cleaned.length() > MAX_AFFILIATION_CHARS || block.lines().size() > 3) {
            return false;
        }
        if (Markup.isItalicLine(block.first())) {
            return true;
        }
        String lower = cleaned.toLowerCase(Locale.ROOT);
        for (String word : AFFILIATION_WORDS) {
            if (lower.contains(word) && cleaned.indexOf(',') >= 0) {
                return true;
            }
        }
        return false;
    }

    /** A numbered entry start: {@code 12. Text}, {@code 12) Text} or {@code [12] Text}. */
    record EntryStart(int number, String rest) {}

    private static final int MAX_ENTRY_NUMBER_DIGITS = 4;

    static @Nullable EntryStart entryStart(String line) {
        String s = line.strip();
        int i = 0;
        boolean bracket = s.startsWith("[");
        if (bracket) {
            i = 1;
        }
        int digitsStart = i;
        while (i < s.length() && Character.isDigit(s.charAt(i)) && i - digitsStart < MAX_ENTRY_NUMBER_DIGITS + 1) {
            i++;
        }
        int digits = i - digitsStart;
        if (digits == 0 || digits > MAX_ENTRY_NUMBER_DIGITS || i >= s.length()) {
            return null;
        }
        char close = s.charAt(i);
        boolean ok = bracket ? close == ']' : close == '.' || close == ')';
        if (!ok || i + 1 >= s.length() || !Character.isWhitespace(s.charAt(i + 1))) {
            return null;
        }
        int number = Integer.parseInt(s.substring(digitsStart, i));
        return number == 0 ? null : new EntryStart(number, s.substring(i + 2).strip());
    }

    private boolean looksLikeFirstReference(Block block) {
        EntryStart start = entryStart(block.first());
        if (start == null || start.number() != 1) {
            return false;
        }
        String rest = start.rest();
        return (rest.indexOf('"') >= 0 || rest.indexOf('“') >= 0) && rest.matches(".{0,2000}?\\(\\d{4}\\).{0,2000}");
    }

    // ------------------------------------------------------------------ builders

    /** A section being read: paragraphs merged across page-break blank lines. */
    private final class SectionBuilder {
        final String heading;
        final List<ParagraphBuilder> paragraphs = new ArrayList<>();

        SectionBuilder(String heading) {
            this.heading = heading;
        }

        void add(Block block) {
            ParagraphBuilder last = paragraphs.isEmpty() ? null : paragraphs.get(paragraphs.size() - 1);
            ParagraphBuilder next = new ParagraphBuilder(block);
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

        ParagraphBuilder(Block block) {
            for (Line l : block.lines()) {
                appendLine(Markup.clean(l.text()), l.number());
            }
        }

        private void appendLine(String cleaned, int number) {
            if (cleaned.isEmpty()) {
                return;
            }
            if (!text.isEmpty()) {
                text.append(text.charAt(text.length() - 1) == '-' ? "" : " ");
            }
            lineStarts.add(new int[] {text.length(), number});
            text.append(cleaned);
        }

        boolean continuesInto(ParagraphBuilder next) {
            char last = text.charAt(text.length() - 1);
            char first = next.text.charAt(0);
            return ".!?\"”')]:".indexOf(last) < 0 || Character.isLowerCase(first);
        }

        void merge(ParagraphBuilder next) {
            int shift = text.length() + (text.charAt(text.length() - 1) == '-' ? 0 : 1);
            text.append(text.charAt(text.length() - 1) == '-' ? "" : " ").append(next.text);
            for (int[] start : next.lineStarts) {
                lineStarts.add(new int[] {start[0] + shift, start[1]});
            }
        }

        int lineAt(int offset) {
            int line = lineStarts.isEmpty() ? 0 : lineStarts.get(0)[1];
            for (int[] start : lineStarts) {
                if (start[0] > offset) {
                    break;
                }
                line = start[1];
            }
            return line;
        }
    }

    /** A reference entry being read: its lines joined. */
    private static final class EntryBuilder {
        final int number;
        final StringBuilder text = new StringBuilder();
        final int line;

        EntryBuilder(int number, String first, int line) {
            this.number = number;
            this.line = line;
            text.append(first.strip());
        }

        void append(String more) {
            if (text.length() > ReferenceParser.MAX_ENTRY_CHARS) {
                return;
            }
            text.append(' ').append(more.strip());
        }

        boolean complete() {
            return text.toString().matches("(?s).{0,4000}?\\(\\d{4}\\).{0,4000}+") || text.length() > 200;
        }
    }

    // ------------------------------------------------------------------ assembling the result

    private ParsedDocument assemble() {
        List<ParsedReference> references = references();
        dropEmptyTrailingSections();
        List<String> navigation = navigationLinks();
        List<TextParagraph> paragraphs = new ArrayList<>();
        Map<Integer, Set<String>> contexts = citations(references, paragraphs);
        boolean article = !references.isEmpty() || byline != null && (footerSeen || correspondence != null);
        if (article) {
            return article(references, contexts, paragraphs);
        }
        if (proseWords() >= MIN_PROSE_WORDS && title != null && !title.isEmpty()) {
            List<Section> out = sections();
            Knowledge knowledge = extract(paragraphs);
            if (!navigation.isEmpty()) {
                log.info(
                        ParseIssue.Code.UNPARSED_METADATA,
                        navigation.size() + " trailing navigation link(s) kept out of the sections",
                        null);
            }
            return new ExplainerPage(source, title, out, navigation, knowledge, log.toList());
        }
        log.error(
                ParseIssue.Code.UNRECOGNIZED_LAYOUT,
                "neither a journal article (no byline or reference list) nor an explainer page (no title and prose)",
                null);
        return unrecognized();
    }

    private ParsedDocument article(
            List<ParsedReference> references, Map<Integer, Set<String>> contexts, List<TextParagraph> paragraphs) {
        if (references.isEmpty()) {
            log.warning(
                    ParseIssue.Code.MISSING_REFERENCES,
                    referencesHeadingSeen ? "the References section has no entries" : "no reference list found",
                    null);
        }
        for (ParsedReference r : references) {
            paragraphs.add(new TextParagraph(
                    "References", List.of(new TextSentence(r.title(), List.of(r.number()), r.line()))));
        }
        List<ParsedCitation> citations = new ArrayList<>();
        contexts.forEach((n, texts) -> citations.add(new ParsedCitation(n, List.copyOf(texts))));
        ArticleMetadata metadata = metadata();
        Knowledge knowledge = extract(paragraphs);
        return new JournalArticle(source, metadata, sections(), references, citations, knowledge, log.toList());
    }

    private Knowledge extract(List<TextParagraph> paragraphs) {
        Extraction extraction = extractor.extract(paragraphs);
        for (ExtractionNote note : extraction.notes()) {
            log.info(ParseIssue.Code.CONDITION_NOT_IN_VOCABULARY, note.message(), note.line());
        }
        return extraction.knowledge();
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
                && state != State.BODY) {
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

    private static boolean navigationParagraph(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
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

    private List<ParsedReference> references() {
        List<ParsedReference> out = new ArrayList<>();
        Map<Integer, Integer> seen = new LinkedHashMap<>();
        int unnumbered = 0;
        for (EntryBuilder e : entries) {
            int number = e.number;
            if (number < 0) {
                unnumbered++;
                number = out.size() + 1;
                while (seen.containsKey(number)) {
                    number++;
                }
            }
            if (seen.containsKey(number)) {
                log.warning(
                        ParseIssue.Code.DUPLICATE_REFERENCE_NUMBER,
                        "reference number " + number + " appears again (first at line " + seen.get(number)
                                + "); this entry is ignored",
                        e.line);
                continue;
            }
            seen.put(number, e.line);
            out.add(ReferenceParser.parse(number, e.text.toString(), e.line, log));
        }
        if (unnumbered > 0) {
            log.warning(
                    ParseIssue.Code.MALFORMED_REFERENCE,
                    unnumbered + " reference line(s) without a number were numbered by position",
                    out.isEmpty() ? null : out.get(0).line());
        }
        missingNumbers(out);
        return out;
    }

    private void missingNumbers(List<ParsedReference> refs) {
        if (refs.isEmpty()) {
            return;
        }
        TreeMap<Integer, Integer> byNumber = new TreeMap<>();
        for (ParsedReference r : refs) {
            byNumber.put(r.number(), r.line());
        }
        int expected = 1;
        for (Map.Entry<Integer, Integer> e : byNumber.entrySet()) {
            if (e.getKey() > expected) {
                String missing =
                        e.getKey() - 1 == expected ? String.valueOf(expected) : expected + "-" + (e.getKey() - 1);
                log.warning(
                        ParseIssue.Code.MISSING_REFERENCE_NUMBER,
                        "reference number(s) " + missing + " missing from the list",
                        e.getValue());
            }
            expected = e.getKey() + 1;
        }
    }

    /** Sentences carrying each cited number; fills the extractor's paragraphs as a side effect. */
    private Map<Integer, Set<String>> citations(List<ParsedReference> references, List<TextParagraph> paragraphs) {
        Set<Integer> known = new LinkedHashSet<>();
        for (ParsedReference r : references) {
            known.add(r.number());
        }
        Map<Integer, Set<String>> contexts = new TreeMap<>();
        for (SectionBuilder s : sections) {
            for (ParagraphBuilder p : s.paragraphs) {
                paragraphs.add(paragraph(s.heading, p, known, contexts));
            }
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

    private TextParagraph paragraph(
            String heading, ParagraphBuilder p, Set<Integer> known, Map<Integer, Set<String>> contexts) {
        String text = p.text.toString();
        List<TextSentence> sentences = new ArrayList<>();
        for (Sentences.Sentence s : Sentences.split(text, settings.maxCitationRange())) {
            int line = p.lineAt(s.offset());
            for (Sentences.Marker m : Sentences.markers(s.text(), settings.maxCitationRange())) {
                if (m.rangeTooLarge()) {
                    log.warning(
                            ParseIssue.Code.CITATION_RANGE_TOO_LARGE,
                            "citation range wider than " + settings.maxCitationRange() + " ignored",
                            p.lineAt(s.offset() + m.offset()));
                }
            }
            List<Integer> cited = new ArrayList<>();
            for (int n : s.citations()) {
                if (known.contains(n)) {
                    contexts.computeIfAbsent(n, k -> new LinkedHashSet<>()).add(s.text());
                    cited.add(n);
                } else {
                    log.warning(
                            ParseIssue.Code.UNKNOWN_CITATION, "citation [" + n + "] has no matching reference", line);
                }
            }
            sentences.add(new TextSentence(s.text(), cited, line));
        }
        return new TextParagraph(heading, sentences);
    }

    // ------------------------------------------------------------------ article metadata

    private ArticleMetadata metadata() {
        String articleTitle = title == null || title.isEmpty() ? null : title;
        if (articleTitle == null && cite != null && cite.title() != null) {
            articleTitle = cite.title();
        }
        if (articleTitle == null) {
            log.warning(ParseIssue.Code.MISSING_TITLE, "no title found; the source name stands in", null);
            articleTitle = source;
        }
        List<ParsedAuthor> authors = authors();
        String email = correspondence == null ? null : Editorial.email(correspondence);
        String affiliation =
                affiliations.isEmpty() ? affiliationFromCorrespondence(authors) : String.join("; ", affiliations);
        String doi = editorial.doi != null ? editorial.doi : cite != null && cite.doi() != null ? cite.doi() : frontDoi;
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
                doi,
                editorial.manuscriptNumber,
                editorial.received,
                editorial.editorAssigned,
                editorial.reviewed,
                editorial.revised,
                editorial.published);
    }

    private List<ParsedAuthor> authors() {
        List<ParsedAuthor> fromByline = byline == null ? List.of() : AuthorNames.parse(bylineNames(byline));
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
}
