package com.refractoryatlas.importer.parse.jats;

import com.refractoryatlas.importer.parse.ParsedAuthor;
import com.refractoryatlas.importer.parse.ParsedReference;
import com.refractoryatlas.importer.parse.StructuredFields;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The fields of one {@code element-citation}, {@code mixed-citation}, {@code nlm-citation} or {@code citation} as
 * its elements end. The first value of each field wins; authors come from author person-groups (or names outside
 * any person-group), never from editors or translators.
 */
final class CitationBuilder {

    /** Citation types whose {@code source} is the cited work itself, not the journal it appeared in. */
    private static final Set<String> SOURCE_IS_WORK = Set.of(
            "book",
            "report",
            "thesis",
            "software",
            "web",
            "webpage",
            "website",
            "data",
            "dataset",
            "database",
            "patent",
            "standard",
            "preprint",
            "other",
            "confproc",
            "gov",
            "commun",
            "discussion",
            "list");

    final String element;
    final @Nullable String publicationType;
    final TextCapture raw;
    final List<ParsedAuthor> authors = new ArrayList<>();
    boolean etal;
    int taggedFields;

    @Nullable
    String articleTitle;

    @Nullable
    String chapterTitle;

    @Nullable
    String dataTitle;

    @Nullable
    String partTitle;

    @Nullable
    String source;

    @Nullable
    String year;

    @Nullable
    String dateIso;

    @Nullable
    String volume;

    @Nullable
    String issue;

    @Nullable
    String fpage;

    @Nullable
    String lpage;

    @Nullable
    String pageRange;

    @Nullable
    String elocation;

    @Nullable
    String doi;

    @Nullable
    String doiLink;

    CitationBuilder(String element, @Nullable String publicationType, TextCapture raw) {
        this.element = element;
        this.publicationType = publicationType == null ? null : publicationType.toLowerCase(Locale.ROOT);
        this.raw = raw;
    }

    /** Records a field's text; returns false when the element is not a citation field. */
    boolean field(String name, String text) {
        if (text.isBlank()) {
            return isField(name);
        }
        switch (name) {
            case "article-title" -> articleTitle = first(articleTitle, text);
            case "chapter-title" -> chapterTitle = first(chapterTitle, text);
            case "data-title" -> dataTitle = first(dataTitle, text);
            case "part-title" -> partTitle = first(partTitle, text);
            case "source" -> source = first(source, text);
            case "year" -> year = first(year, text);
            case "volume" -> volume = first(volume, text);
            case "issue" -> issue = first(issue, text);
            case "fpage" -> fpage = first(fpage, text);
            case "lpage" -> lpage = first(lpage, text);
            case "page-range" -> pageRange = first(pageRange, text);
            case "elocation-id" -> elocation = first(elocation, text);
            default -> {
                return false;
            }
        }
        taggedFields++;
        return true;
    }

    static boolean isField(String name) {
        return switch (name) {
            case "article-title",
                    "chapter-title",
                    "data-title",
                    "part-title",
                    "source",
                    "year",
                    "volume",
                    "issue",
                    "fpage",
                    "lpage",
                    "page-range",
                    "elocation-id" -> true;
            default -> false;
        };
    }

    void author(List<ParsedAuthor> names) {
        if (!names.isEmpty()) {
            authors.addAll(names);
            taggedFields++;
        }
    }

    void doi(String value) {
        if (doi == null) {
            doi = StructuredFields.doi(value);
            taggedFields++;
        }
    }

    void doiLink(String href) {
        if (doiLink == null && href.toLowerCase(Locale.ROOT).contains("10.")) {
            doiLink = StructuredFields.doi(href);
        }
    }

    /** True when the citation has no tagged field at all: a reference printed as a plain string. */
    boolean untagged() {
        return taggedFields == 0;
    }

    /** How much this citation tells: the better of a {@code citation-alternatives} pair wins. */
    int richness() {
        int score = taggedFields * 2;
        return element.equals("element-citation") ? score + 1 : score;
    }

    /** The reference, or null when the citation names no title, source or author: then it is labelled as text. */
    @Nullable
    ParsedReference build(int number, int line) {
        String title = title();
        if (title == null && authors.isEmpty()) {
            return null;
        }
        String rawText = raw.text();
        return new ParsedReference(
                number,
                authors,
                title == null ? StructuredFields.title(rawText) : title,
                journal(),
                volume == null ? null : StructuredFields.collapse(volume),
                issue == null ? null : StructuredFields.collapse(issue),
                pages(),
                year(),
                resolvedDoi(rawText),
                rawText,
                line);
    }

    private @Nullable String title() {
        String t = articleTitle != null ? articleTitle : chapterTitle != null ? chapterTitle : dataTitle;
        if (t == null && sourceIsWork()) {
            t = source;
        }
        if (t == null) {
            t = partTitle != null ? partTitle : source;
        }
        return t == null ? null : StructuredFields.title(t);
    }

    private boolean sourceIsWork() {
        return publicationType != null && SOURCE_IS_WORK.contains(publicationType);
    }

    private @Nullable String journal() {
        boolean titled = articleTitle != null || chapterTitle != null || dataTitle != null;
        if (!titled && (sourceIsWork() || partTitle == null)) {
            return null;
        }
        return StructuredFields.journal(source);
    }

    private @Nullable String pages() {
        if (fpage != null) {
            return StructuredFields.pages(pageToken(fpage), lpage == null ? null : pageToken(lpage));
        }
        if (pageRange != null) {
            return StructuredFields.pages(pageRange);
        }
        return StructuredFields.pages(elocation);
    }

    /** A page number never holds a space: what follows one in {@code fpage}/{@code lpage} is a markup slip. */
    private static String pageToken(String page) {
        String p = StructuredFields.collapse(page);
        int space = p.indexOf(' ');
        return space > 0 ? p.substring(0, space) : p;
    }

    private @Nullable Integer year() {
        Integer y = Years.first(year);
        return y != null ? y : Years.first(dateIso);
    }

    private @Nullable String resolvedDoi(String rawText) {
        if (doi != null) {
            return doi;
        }
        if (doiLink != null) {
            return doiLink;
        }
        return StructuredFields.doi(rawText);
    }

    private static String first(@Nullable String current, String text) {
        return current != null ? current : text;
    }
}
