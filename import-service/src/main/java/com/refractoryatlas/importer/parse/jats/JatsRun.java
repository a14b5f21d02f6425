package com.refractoryatlas.importer.parse.jats;

import com.refractoryatlas.importer.parse.ParseIssue;
import com.refractoryatlas.importer.parse.StructuredFields;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.jspecify.annotations.Nullable;

/**
 * One pass over one JATS document's StAX events. Nothing recurses: the element path is an explicit stack of local
 * names with a depth limit, subtrees that carry no article text (figures, tables, formulas, sub-articles, labels)
 * are skipped by depth, and text reaches every open {@link TextCapture} as it streams. Only the first
 * {@code article} of a {@code pmc-articleset} is read.
 */
final class JatsRun {

    static final int MAX_DEPTH = SafeXml.MAX_DEPTH;

    private static final Set<String> SKIPPED = Set.of(
            "sub-article",
            "response",
            "fig",
            "fig-group",
            "table-wrap",
            "table-wrap-group",
            "supplementary-material",
            "disp-formula",
            "disp-formula-group",
            "inline-formula",
            "math",
            "tex-math",
            "graphic",
            "inline-graphic",
            "media",
            "label",
            "object-id",
            "trans-abstract",
            "trans-title-group",
            "alt-title",
            "fn-group",
            "processing-meta",
            "custom-meta-group",
            "permissions",
            "kwd-group",
            "funding-group",
            "counts");
    private static final Set<String> SKIPPED_IN_TITLES = Set.of("xref", "fn");
    private static final Set<String> INLINE = Set.of(
            "italic",
            "bold",
            "sup",
            "sub",
            "sc",
            "underline",
            "monospace",
            "roman",
            "sans-serif",
            "overline",
            "strike",
            "styled-content",
            "named-content",
            "xref",
            "ext-link",
            "uri",
            "email",
            "abbrev",
            "break");
    private static final Set<String> CITATIONS =
            Set.of("element-citation", "mixed-citation", "nlm-citation", "citation");
    private static final Set<String> NAME_PARTS = Set.of("surname", "given-names", "suffix", "prefix");

    private final XMLStreamReader xml;
    private final Issues issues;
    private final List<String> path = new ArrayList<>();
    private final List<TextCapture> captures = new ArrayList<>();
    final FrontMatter front = new FrontMatter();
    final BodyBuilder body = new BodyBuilder();
    final List<RefBuilder> refs = new ArrayList<>();

    private int skipDepth = -1;
    private int articleDepth = -1;
    private boolean articleDone;
    private int journalMeta;
    private int articleMeta;
    private int textual;
    private int titleDepth = -1;
    private int refList;
    private @Nullable RefBuilder ref;
    private @Nullable CitationBuilder citation;
    private int citationDepth = -1;
    private @Nullable String personGroup;
    private @Nullable NameBuilder name;
    private int nameDepth = -1;
    private @Nullable ContribBuilder contrib;
    private @Nullable DateBuilder date;
    private int corresp;
    private @Nullable TextCapture paragraph;
    private @Nullable List<BodyBuilder.Marker> markers;
    private @Nullable List<String> xrefRids;
    private int xrefStart;
    private int xrefLine;
    private boolean alternativeTaken;

    /** The author being read in the front matter. */
    private static final class ContribBuilder {
        private final boolean author;
        private final boolean corresponding;
        private final List<NameBuilder> names = new ArrayList<>();
        private @Nullable String email;

        private ContribBuilder(boolean author, boolean corresponding) {
            this.author = author;
            this.corresponding = corresponding;
        }
    }

    JatsRun(XMLStreamReader xml, Issues issues) {
        this.xml = xml;
        this.issues = issues;
    }

    /** Reads to the end of the first article; false when the document is too deeply nested to read. */
    boolean read() throws XMLStreamException {
        while (xml.hasNext() && !articleDone) {
            int event = xml.next();
            switch (event) {
                case XMLStreamConstants.START_ELEMENT -> {
                    if (!start()) {
                        return false;
                    }
                }
                case XMLStreamConstants.END_ELEMENT -> end();
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE ->
                    text(xml.getText());
                case XMLStreamConstants.ENTITY_REFERENCE -> entity(xml.getLocalName());
                default -> {
                    // comments, processing instructions, the (unread) DTD
                }
            }
        }
        return true;
    }

    boolean sawArticle() {
        return articleDepth > 0 || articleDone;
    }

    // ------------------------------------------------------------------ events

    private boolean start() {
        String local = xml.getLocalName();
        path.add(local);
        int depth = path.size();
        if (depth > MAX_DEPTH) {
            issues.error(
                    ParseIssue.Code.NESTING_TOO_DEEP,
                    "elements nest deeper than " + MAX_DEPTH + " levels",
                    SafeXml.line(xml));
            return false;
        }
        if (skipDepth > 0) {
            return true;
        }
        if (local.equals("article") && articleDepth < 0) {
            articleDepth = depth;
            return true;
        }
        if (articleDepth < 0 && !local.equals("pmc-articleset")) {
            return true;
        }
        if (skipped(local)) {
            skipDepth = depth;
            return true;
        }
        if (!INLINE.contains(local)) {
            boundary();
        }
        open(local, depth);
        return true;
    }

    private boolean skipped(String local) {
        if (local.equals("article")) {
            return true;
        }
        if (SKIPPED.contains(local)) {
            return true;
        }
        return titleDepth > 0 && SKIPPED_IN_TITLES.contains(local);
    }

    private void end() {
        int depth = path.size();
        String local = path.remove(depth - 1);
        if (skipDepth > 0) {
            if (depth == skipDepth) {
                skipDepth = -1;
            }
            return;
        }
        for (int i = captures.size() - 1; i >= 0; i--) {
            if (captures.get(i).depth() == depth) {
                captures.remove(i).finish();
            }
        }
        close(local, depth);
        if (!INLINE.contains(local)) {
            boundary();
        }
        if (depth == articleDepth) {
            articleDone = true;
        }
    }

    private void text(String s) {
        if (skipDepth > 0) {
            return;
        }
        for (TextCapture capture : captures) {
            capture.append(s);
        }
    }

    private void entity(String entityName) {
        String value = SafeXml.entity(entityName);
        if (value == null) {
            issues.warning(
                    ParseIssue.Code.UNKNOWN_ENTITY,
                    "unknown entity &" + entityName + "; left out (no DTD is read)",
                    SafeXml.line(xml));
            return;
        }
        text(value);
    }

    private void boundary() {
        for (TextCapture capture : captures) {
            capture.space();
        }
    }

    private void capture(int depth, Consumer<String> onEnd) {
        captures.add(new TextCapture(depth, onEnd));
    }

    private @Nullable String attr(String localName) {
        return SafeXml.attribute(xml, localName);
    }

    private String parent() {
        return path.size() < 2 ? "" : path.get(path.size() - 2);
    }

    // ------------------------------------------------------------------ element starts

    private void open(String local, int depth) {
        if (citation != null) {
            openInCitation(local, depth);
        } else if (ref != null && CITATIONS.contains(local)) {
            openCitation(local, depth);
        } else if (local.equals("ref-list")) {
            refList++;
        } else if (refList > 0 && local.equals("ref")) {
            ref = new RefBuilder(attr("id"), SafeXml.line(xml));
        } else if (local.equals("journal-meta")) {
            journalMeta++;
        } else if (journalMeta > 0) {
            openInJournalMeta(local, depth);
        } else if (local.equals("article-meta")) {
            articleMeta++;
        } else if (local.equals("body") || local.equals("abstract") && articleMeta > 0) {
            textual++;
            body.openSection(local.equals("abstract") ? "Abstract" : "");
        } else if (textual > 0) {
            openInText(local, depth);
        } else if (articleMeta > 0) {
            openInArticleMeta(local, depth);
        }
    }

    private void openInJournalMeta(String local, int depth) {
        if (local.equals("journal-title") && front.journal == null) {
            capture(depth, t -> front.journal = front.journal == null ? t : front.journal);
        }
    }

    private void openInText(String local, int depth) {
        if (local.equals("sec")) {
            body.openSection("");
        } else if (local.equals("title") && (parent().equals("sec") || parent().equals("abstract"))) {
            titleDepth = depth;
            capture(depth, body::heading);
        } else if (local.equals("p") && paragraph == null) {
            openParagraph(depth);
        } else if (local.equals("xref") && paragraph != null && "bibr".equals(attr("ref-type"))) {
            String rid = attr("rid");
            xrefRids = rid == null ? List.of() : List.of(rid.strip().split("\\s+"));
            xrefStart = paragraph.length();
            xrefLine = SafeXml.line(xml);
        }
    }

    private void openParagraph(int depth) {
        List<BodyBuilder.Marker> found = new ArrayList<>();
        int line = SafeXml.line(xml);
        markers = found;
        TextCapture capture = new TextCapture(depth, t -> body.paragraph(t, found, line));
        paragraph = capture;
        captures.add(capture);
    }

    private void openInArticleMeta(String local, int depth) {
        if (name != null) {
            openNamePart(local, depth);
            return;
        }
        if (date != null) {
            openDatePart(local, depth);
            return;
        }
        switch (local) {
            case "article-title" -> {
                if (parent().equals("title-group") && front.title == null) {
                    titleDepth = depth;
                    capture(depth, t -> front.title = t);
                }
            }
            case "contrib" -> contrib = new ContribBuilder(author(attr("contrib-type")), "yes".equals(attr("corresp")));
            case "name", "string-name", "collab" -> openContribName(local, depth);
            case "aff" -> capture(depth, t -> addAffiliation(t));
            case "corresp" -> corresp++;
            case "email" -> capture(depth, this::email);
            case "pub-date" -> openPubDate(depth);
            case "date" -> {
                if (parent().equals("history")) {
                    date = new DateBuilder(attr("date-type"), attr("iso-8601-date"), SafeXml.line(xml));
                    front.history.add(date);
                }
            }
            case "volume", "fpage", "lpage", "elocation-id" -> openArticleNumber(local, depth);
            case "article-id" -> {
                String type = attr("pub-id-type");
                capture(depth, t -> front.articleId(type, t));
            }
            default -> {
                // other front matter is not imported
            }
        }
    }

    private static boolean author(@Nullable String contribType) {
        return contribType == null || contribType.toLowerCase(Locale.ROOT).equals("author");
    }

    private void addAffiliation(String text) {
        String t = StructuredFields.collapse(text);
        if (!t.isEmpty() && (contrib == null || contrib.author)) {
            front.affiliations.add(t);
        }
    }

    private void email(String text) {
        String e = text.strip();
        if (e.isEmpty()) {
            return;
        }
        if (corresp > 0 && front.correspEmail == null) {
            front.correspEmail = e;
        } else if (contrib != null && contrib.corresponding && front.contribEmail == null) {
            front.contribEmail = e;
        } else if (contrib != null && contrib.email == null) {
            contrib.email = e;
        }
        if (front.anyEmail == null) {
            front.anyEmail = e;
        }
    }

    private void openContribName(String local, int depth) {
        if (contrib == null || !contrib.author || !contrib.names.isEmpty() && !local.equals("collab")) {
            return;
        }
        if (parent().equals("name-alternatives") && !contrib.names.isEmpty()) {
            return;
        }
        NameBuilder built = new NameBuilder();
        contrib.names.add(built);
        openName(built, local, depth);
    }

    private void openName(NameBuilder built, String local, int depth) {
        name = built;
        nameDepth = depth;
        if (local.equals("collab")) {
            capture(depth, t -> built.collab = t);
        } else if (local.equals("string-name")) {
            capture(depth, t -> built.literal = t);
        }
    }

    private void openNamePart(String local, int depth) {
        NameBuilder built = name;
        if (built == null || !NAME_PARTS.contains(local)) {
            return;
        }
        built.literal = null;
        switch (local) {
            case "surname" -> capture(depth, t -> built.surname = built.surname == null ? t : built.surname);
            case "given-names" -> capture(depth, t -> built.given = built.given == null ? t : built.given);
            case "suffix" -> capture(depth, t -> built.suffix = t);
            default -> {
                // prefix: an honorific, not part of a citable name
            }
        }
    }

    private void openPubDate(int depth) {
        String type = attr("pub-type");
        if (type == null) {
            String dateType = attr("date-type");
            String format = attr("publication-format");
            type = dateType == null ? null : format == null ? dateType : dateType + "-" + format;
        }
        date = new DateBuilder(type, attr("iso-8601-date"), SafeXml.line(xml));
        front.pubDates.add(date);
    }

    private void openDatePart(String local, int depth) {
        DateBuilder d = date;
        if (d == null) {
            return;
        }
        switch (local) {
            case "year" -> capture(depth, t -> d.year = t);
            case "month" -> capture(depth, t -> d.month = t);
            case "day" -> capture(depth, t -> d.day = t);
            default -> {
                // season, string-date: no calendar day
            }
        }
    }

    private void openArticleNumber(String local, int depth) {
        if (!parent().equals("article-meta")) {
            return;
        }
        switch (local) {
            case "volume" -> capture(depth, t -> front.volume = front.volume == null ? t : front.volume);
            case "fpage" -> capture(depth, t -> front.fpage = front.fpage == null ? t : front.fpage);
            case "lpage" -> capture(depth, t -> front.lpage = front.lpage == null ? t : front.lpage);
            default -> capture(depth, t -> front.elocation = front.elocation == null ? t : front.elocation);
        }
    }

    private void openCitation(String local, int depth) {
        String type = attr("publication-type");
        if (type == null) {
            type = attr("citation-type");
        }
        TextCapture raw = new TextCapture(depth, t -> {});
        captures.add(raw);
        citation = new CitationBuilder(local, type, raw);
        citationDepth = depth;
        personGroup = null;
    }

    private void openInCitation(String local, int depth) {
        CitationBuilder c = citation;
        if (c == null) {
            return;
        }
        if (name != null) {
            openNamePart(local, depth);
            return;
        }
        switch (local) {
            case "person-group" -> personGroup = attr("person-group-type");
            case "name-alternatives" -> alternativeTaken = false;
            case "name", "string-name", "collab" -> openCitationName(local, depth);
            case "etal" -> c.etal = true;
            case "pub-id" -> {
                if ("doi".equalsIgnoreCase(attr("pub-id-type"))) {
                    capture(depth, c::doi);
                }
            }
            case "ext-link", "uri" -> {
                String href = attr("href");
                if (href != null) {
                    c.doiLink(href);
                }
                if ("doi".equalsIgnoreCase(attr("ext-link-type"))) {
                    capture(depth, c::doi);
                }
            }
            case "date" -> {
                String iso = attr("iso-8601-date");
                if (iso != null && c.dateIso == null) {
                    c.dateIso = iso;
                }
            }
            default -> {
                if (CitationBuilder.isField(local)) {
                    capture(depth, t -> c.field(local, t));
                }
            }
        }
    }

    private void openCitationName(String local, int depth) {
        CitationBuilder c = citation;
        boolean authors =
                personGroup == null || personGroup.toLowerCase(Locale.ROOT).equals("author");
        if (c == null || !authors) {
            return;
        }
        if (parent().equals("name-alternatives")) {
            if (alternativeTaken) {
                return;
            }
            alternativeTaken = true;
        }
        openName(new NameBuilder(), local, depth);
    }

    // ------------------------------------------------------------------ element ends

    private void close(String local, int depth) {
        if (depth == titleDepth) {
            titleDepth = -1;
        }
        if (depth == nameDepth) {
            closeName();
        }
        if (depth == citationDepth) {
            closeCitation();
            return;
        }
        switch (local) {
            case "ref" -> closeRef();
            case "ref-list" -> refList = Math.max(0, refList - 1);
            case "journal-meta" -> journalMeta = Math.max(0, journalMeta - 1);
            case "article-meta" -> articleMeta = Math.max(0, articleMeta - 1);
            case "contrib" -> closeContrib();
            case "corresp" -> corresp = Math.max(0, corresp - 1);
            case "pub-date", "date" -> date = null;
            case "person-group" -> personGroup = null;
            case "sec" -> {
                if (textual > 0) {
                    body.closeSection();
                }
            }
            case "body", "abstract" -> closeTextual();
            case "p" -> closeParagraph();
            case "xref" -> closeXref();
            default -> {
                // nothing to do
            }
        }
    }

    private void closeName() {
        NameBuilder built = name;
        name = null;
        nameDepth = -1;
        if (built != null && citation != null) {
            citation.author(built.build());
        }
    }

    private void closeCitation() {
        CitationBuilder c = citation;
        citation = null;
        citationDepth = -1;
        personGroup = null;
        if (c != null && ref != null) {
            ref.citations.add(c);
        }
    }

    private void closeRef() {
        RefBuilder r = ref;
        ref = null;
        if (r != null) {
            refs.add(r);
        }
    }

    private void closeContrib() {
        ContribBuilder c = contrib;
        contrib = null;
        if (c == null || !c.author) {
            return;
        }
        for (NameBuilder n : c.names) {
            front.authors.addAll(n.build());
        }
    }

    private void closeTextual() {
        if (textual > 0) {
            textual--;
            body.closeSection();
        }
    }

    private void closeParagraph() {
        if (paragraph != null && !captures.contains(paragraph)) {
            paragraph = null;
            markers = null;
        }
    }

    private void closeXref() {
        List<String> rids = xrefRids;
        TextCapture p = paragraph;
        List<BodyBuilder.Marker> found = markers;
        xrefRids = null;
        if (rids == null || p == null || found == null || rids.isEmpty()) {
            return;
        }
        found.add(new BodyBuilder.Marker(xrefStart, p.length(), rids, xrefLine));
    }
}
