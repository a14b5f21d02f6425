package com.refractoryatlas.importer.parse;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The text path's normalisers and reference labeller, opened to the structured-format readers ({@code parse.jats},
 * {@code parse.bibliography}) so that a DOI, a page range, a name list or a title read from XML, BibTeX or RIS comes
 * out exactly as the same value read from text. It holds no rules of its own: each method delegates, so switching the
 * text path to new normalisers or to a new reference labeller is a change here only.
 */
public final class StructuredFields {

    private static final int UNLIMITED_ISSUES = Integer.MAX_VALUE;

    private StructuredFields() {}

    /** Whitespace runs (newlines, tabs, no-break spaces) collapsed to one space, ends trimmed. */
    public static String collapse(String s) {
        return ReferenceLabeller.collapse(s);
    }

    /** A work's title without quotes, emphasis or trailing punctuation. */
    public static String title(String s) {
        return ReferenceLabeller.cleanTitle(ReferenceLabeller.collapse(s));
    }

    /** A journal or book title without trailing punctuation; null when nothing is left. */
    public static @Nullable String journal(@Nullable String s) {
        if (s == null) {
            return null;
        }
        String j = ReferenceLabeller.cleanTitle(ReferenceLabeller.collapse(s));
        return j.isEmpty() ? null : j;
    }

    /** The DOI found in {@code s} (bare, {@code doi:} or a doi.org URL), trimmed of trailing punctuation. */
    public static @Nullable String doi(@Nullable String s) {
        if (s == null || s.isBlank()) {
            return null;
        }
        String text =
                s.length() > ReferenceLabeller.MAX_ENTRY_CHARS ? s.substring(0, ReferenceLabeller.MAX_ENTRY_CHARS) : s;
        return Dois.find(ReferenceLabeller.collapse(text));
    }

    /** A printed author list split into names, whatever its order and separators. */
    public static List<ParsedAuthor> authors(String printed) {
        return AuthorNames.parse(printed);
    }

    /** One person's name printed "Family, Given" or "Family, Given, Suffix" (a reference manager's name field). */
    public static ParsedAuthor familyGiven(String name) {
        return AuthorNames.familyGiven(name);
    }

    /**
     * A page range with the text path's conventions: dashes of any kind and doubled hyphens ({@code 727--742}) as
     * one hyphen, no spaces around it, no trailing punctuation; null when nothing is left.
     */
    public static @Nullable String pages(@Nullable String s) {
        if (s == null) {
            return null;
        }
        String p = ReferenceLabeller.collapse(s)
                .replace('–', '-')
                .replace('—', '-')
                .replace('‐', '-')
                .replace('‑', '-')
                .replace(" - ", "-")
                .replace("--", "-");
        int end = p.length();
        while (end > 0 && ".,;: ".indexOf(p.charAt(end - 1)) >= 0) {
            end--;
        }
        p = p.substring(0, end).strip();
        return p.isEmpty() ? null : p;
    }

    /** A first and last page joined the way {@link #pages(String)} prints a range. */
    public static @Nullable String pages(@Nullable String first, @Nullable String last) {
        String f = pages(first);
        String l = pages(last);
        if (f == null) {
            return l;
        }
        return l == null || l.equals(f) ? f : f + "-" + l;
    }

    /**
     * Labels a reference that only exists as a string (an untagged JATS {@code mixed-citation}): the one place the
     * structured readers call the text path's reference labeller. Its warnings are appended to {@code issues}.
     */
    public static ParsedReference label(int number, String text, int line, List<ParseIssue> issues) {
        IssueLog log = new IssueLog(UNLIMITED_ISSUES);
        ParsedReference reference = ReferenceLabeller.parse(number, text, line, log);
        issues.addAll(log.toList());
        return reference;
    }

    /** Offsets at which the sentences of a paragraph start, found by the text path's sentence splitter. */
    public static List<Integer> sentenceStarts(String paragraph) {
        List<Integer> starts = new ArrayList<>();
        for (Sentences.Sentence sentence : Sentences.split(paragraph, 1)) {
            starts.add(sentence.offset());
        }
        return starts;
    }
}
