package com.refractoryatlas.importer.parse;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Finds the citation markers of a sentence and links them to the reference list: {@code [n]}, {@code [3–5]},
 * {@code [1,4]} always; {@code (n)} or superscripts flattened into the text ({@code treatment.12,13},
 * {@code resistance3–5}) when the document's markers are of that kind ({@link #style}, decided once per document
 * from counts, never per sentence); and author-year {@code (Smith et al., 2020)}, {@code Smith and Jones (2019)}
 * against the list's first authors and years. Each scan is linear: bounded look-behind windows, no regex.
 */
final class CitationLinker {

    /** How a document marks its numbered citations. */
    enum Style {
        BRACKETS,
        PARENTHESES,
        SUPERSCRIPT,
        NONE
    }

    private static final int AUTHOR_WINDOW = 80;
    private static final int MAX_SUPERSCRIPT_CHARS = 24;
    private static final int MIN_WORD_BEFORE_SUPERSCRIPT = 3;
    private static final int MIN_STYLE_HITS = 2;
    private static final int MIN_YEAR = 1900;
    private static final int MAX_YEAR = 2100;

    private final Style style;
    private final int maxRange;
    private final int maxNumber;
    private final Map<String, Integer> authorYear = new HashMap<>();

    private CitationLinker(Style style, int maxRange, List<ParsedReference> references) {
        this.style = style;
        this.maxRange = maxRange;
        this.maxNumber =
                references.stream().mapToInt(ParsedReference::number).max().orElse(0);
        for (ParsedReference r : references) {
            if (!r.authors().isEmpty() && r.year() != null) {
                authorYear.putIfAbsent(key(r.authors().get(0).family(), r.year()), r.number());
            }
        }
    }

    /** Chooses the marker style from all paragraphs of the body: the kind with evidence, brackets first. */
    static CitationLinker of(List<String> paragraphs, List<ParsedReference> references, int maxRange) {
        int max = references.stream().mapToInt(ParsedReference::number).max().orElse(0);
        // one bracket marker decides the style: the paragraphs are read until one has it, the other styles counted
        // only without any
        boolean brackets = paragraphs.stream()
                .anyMatch(p -> !Sentences.markers(p, maxRange).isEmpty());
        int parentheses = 0;
        int superscripts = 0;
        if (!brackets) {
            for (String p : paragraphs) {
                parentheses += numbered(p, '(', ')', maxRange, max).size();
                superscripts += superscripts(p, maxRange, max).size();
            }
        }
        Style style = brackets
                ? Style.BRACKETS
                : parentheses >= MIN_STYLE_HITS && parentheses >= superscripts
                        ? Style.PARENTHESES
                        : superscripts >= MIN_STYLE_HITS ? Style.SUPERSCRIPT : Style.NONE;
        return new CitationLinker(style, maxRange, references);
    }

    Style style() {
        return style;
    }

    /** The numbered markers of one sentence (brackets, or the document's other style), in order. */
    List<Sentences.Marker> numberedMarkers(String sentence) {
        return switch (style) {
            case BRACKETS, NONE -> Sentences.markers(sentence, maxRange);
            case PARENTHESES -> numbered(sentence, '(', ')', maxRange, maxNumber);
            case SUPERSCRIPT -> superscripts(sentence, maxRange, maxNumber);
        };
    }

    /** Reference numbers cited author-year in the sentence ("Smith et al., 2020", "Smith and Jones (2019)"). */
    List<Integer> authorYear(String sentence) {
        if (authorYear.isEmpty()) {
            return List.of();
        }
        Set<Integer> out = new LinkedHashSet<>();
        int windowStart = 0;
        int i = 0;
        while (i < sentence.length()) {
            if (!Character.isDigit(sentence.charAt(i))) {
                i++;
                continue;
            }
            int start = i;
            while (i < sentence.length() && Character.isDigit(sentence.charAt(i))) {
                i++;
            }
            if (i - start == 4 && (start == 0 || !Character.isLetterOrDigit(sentence.charAt(start - 1)))) {
                int year = Integer.parseInt(sentence.substring(start, i));
                Integer n = year >= MIN_YEAR && year <= MAX_YEAR
                        ? lookBehind(sentence, Math.max(windowStart, start - AUTHOR_WINDOW), start, year)
                        : null;
                if (n != null) {
                    out.add(n);
                }
                windowStart = i;
            }
        }
        return List.copyOf(out);
    }

    private @Nullable Integer lookBehind(String s, int from, int to, int year) {
        Integer found = null;
        int i = from;
        while (i < to) {
            if (!Character.isUpperCase(s.charAt(i)) || i > 0 && Character.isLetter(s.charAt(i - 1))) {
                i++;
                continue;
            }
            int start = i;
            while (i < to && (Character.isLetter(s.charAt(i)) || s.charAt(i) == '-' || s.charAt(i) == '\'')) {
                i++;
            }
            Integer n = authorYear.get(key(s.substring(start, i), year));
            if (n != null && found == null) {
                found = n;
            }
        }
        return found;
    }

    private static String key(String family, int year) {
        String f = family.toLowerCase(Locale.ROOT);
        int space = f.lastIndexOf(' ');
        return (space >= 0 ? f.substring(space + 1) : f) + "|" + year;
    }

    /** "(1)", "(1,2)", "(3–5)": numbers only, each within the list, no year. */
    private static List<Sentences.Marker> numbered(String text, char open, char close, int maxRange, int max) {
        List<Sentences.Marker> out = new ArrayList<>();
        int n = text.length();
        for (int i = 0; i < n; i++) {
            if (text.charAt(i) != open) {
                continue;
            }
            int end = -1;
            for (int j = i + 1; j < n && j - i <= MAX_SUPERSCRIPT_CHARS; j++) {
                char c = text.charAt(j);
                if (c == close) {
                    end = j;
                    break;
                }
                if (!(Character.isDigit(c) || ",-–; ".indexOf(c) >= 0)) {
                    break;
                }
            }
            if (end > i + 1) {
                Sentences.Marker m = Sentences.marker(text.substring(i + 1, end), i, maxRange);
                if (m != null && within(m, max)) {
                    out.add(m);
                }
                i = end;
            }
        }
        return out;
    }

    /**
     * Digits glued to the end of a word or after its closing punctuation ({@code therapy.12,13},
     * {@code resistance3–5}, {@code trials),4}), followed by a space or the end: a flattened superscript. The word
     * must be lower case and at least three letters, so that "CD4", "IL-6", "COVID-19" and "p53" are not markers.
     */
    private static List<Sentences.Marker> superscripts(String text, int maxRange, int max) {
        List<Sentences.Marker> out = new ArrayList<>();
        int n = text.length();
        int i = 0;
        while (i < n) {
            char c = text.charAt(i);
            if (!Character.isDigit(c) || i == 0 || !markerLead(text, i)) {
                i++;
                continue;
            }
            int start = i;
            while (i < n
                    && i - start <= MAX_SUPERSCRIPT_CHARS
                    && (Character.isDigit(text.charAt(i))
                            || ",–-".indexOf(text.charAt(i)) >= 0
                                    && i + 1 < n
                                    && Character.isDigit(text.charAt(i + 1)))) {
                i++;
            }
            boolean ends = i >= n
                    || Character.isWhitespace(text.charAt(i))
                    || ".;:)".indexOf(text.charAt(i)) >= 0
                            && (i + 1 >= n || Character.isWhitespace(text.charAt(i + 1)));
            if (ends) {
                Sentences.Marker m = Sentences.marker(text.substring(start, i), start, maxRange);
                if (m != null && within(m, max)) {
                    out.add(m);
                }
            }
        }
        return out;
    }

    private static boolean markerLead(String text, int digit) {
        int j = digit - 1;
        char before = text.charAt(j);
        if (".,)".indexOf(before) >= 0) {
            j--;
        }
        if (j < 0 || !Character.isLowerCase(text.charAt(j))) {
            return false;
        }
        int letters = 0;
        while (j >= 0 && Character.isLetter(text.charAt(j))) {
            if (Character.isUpperCase(text.charAt(j)) && letters < MIN_WORD_BEFORE_SUPERSCRIPT) {
                return false;
            }
            letters++;
            j--;
        }
        return letters >= MIN_WORD_BEFORE_SUPERSCRIPT && (j < 0 || text.charAt(j) != '-');
    }

    private static boolean within(Sentences.Marker m, int max) {
        if (m.numbers().isEmpty()) {
            return false;
        }
        for (int v : m.numbers()) {
            if (v > max || v >= MIN_YEAR && v <= MAX_YEAR) {
                return false;
            }
        }
        return true;
    }
}
