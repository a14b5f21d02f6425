package com.refractoryatlas.importer.parse;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Splits a paragraph into sentences and finds the {@code [n]}, {@code [1,2]}, {@code [3-5]} citation markers in
 * each, in one linear pass.
 */
final class Sentences {

    private static final Set<String> ABBREVIATIONS = WordList.load("abbreviations");
    private static final int MAX_MARKER_CHARS = 200;
    private static final java.util.regex.Pattern SEPARATORS = java.util.regex.Pattern.compile("[,;]");
    private static final int MAX_NUMBER_DIGITS = 4;

    private Sentences() {}

    /** A sentence with its offset in the paragraph and the numbers its markers cite. */
    record Sentence(String text, int offset, List<Integer> citations) {}

    /** A citation marker: its offset and the numbers it cites (ranges expanded up to the limit). */
    record Marker(int offset, List<Integer> numbers, boolean rangeTooLarge) {}

    static List<Sentence> split(String paragraph, int maxRange) {
        List<Sentence> out = new ArrayList<>();
        int start = 0;
        int n = paragraph.length();
        for (int i = 0; i < n; i++) {
            char c = paragraph.charAt(i);
            int superscriptEnd = c == '.' ? superscriptBoundary(paragraph, i) : -1;
            if (superscriptEnd > 0) {
                add(out, paragraph, start, superscriptEnd, maxRange);
                start = superscriptEnd;
                i = superscriptEnd - 1;
                continue;
            }
            if ((c == '.' || c == '?' || c == '!') && boundaryAfter(paragraph, i) && !abbreviation(paragraph, i)) {
                int end = i + 1;
                while (end < n && (paragraph.charAt(end) == '"' || paragraph.charAt(end) == '”')) {
                    end++;
                }
                add(out, paragraph, start, end, maxRange);
                start = end;
            }
        }
        add(out, paragraph, start, n, maxRange);
        return out;
    }

    private static void add(List<Sentence> out, String paragraph, int start, int end, int maxRange) {
        int s = start;
        while (s < end && Character.isWhitespace(paragraph.charAt(s))) {
            s++;
        }
        if (s >= end) {
            return;
        }
        String text = paragraph.substring(s, end).strip();
        List<Marker> markers = markers(text, maxRange);
        if (!out.isEmpty() && !markers.isEmpty() && markers.get(0).offset() == 0) {
            // "... outcomes. [3] Next sentence": a leading marker belongs to the previous sentence
            Marker lead = markers.get(0);
            Sentence previous = out.remove(out.size() - 1);
            List<Integer> cites = new ArrayList<>(previous.citations());
            cites.addAll(lead.numbers());
            int close = text.indexOf(']');
            out.add(new Sentence(previous.text() + " " + text.substring(0, close + 1), previous.offset(), cites));
            String rest = text.substring(close + 1).strip();
            if (!rest.isEmpty()) {
                int restOffset = s + text.indexOf(rest, close + 1);
                out.add(new Sentence(rest, restOffset, numbers(markers(rest, maxRange))));
            }
            return;
        }
        out.add(new Sentence(text, s, numbers(markers)));
    }

    private static List<Integer> numbers(List<Marker> markers) {
        List<Integer> out = new ArrayList<>();
        for (Marker m : markers) {
            out.addAll(m.numbers());
        }
        return out;
    }

    /** "…therapy.12,13 Next": a flattened superscript after the period; the sentence ends after its digits. */
    private static int superscriptBoundary(String s, int dot) {
        int j = dot + 1;
        if (dot == 0 || !Character.isLetter(s.charAt(dot - 1)) || j >= s.length() || !Character.isDigit(s.charAt(j))) {
            return -1;
        }
        while (j < s.length()
                && j - dot <= MAX_MARKER_CHARS
                && (Character.isDigit(s.charAt(j)) || ",–-".indexOf(s.charAt(j)) >= 0)) {
            j++;
        }
        if (j + 1 >= s.length() || s.charAt(j) != ' ' || !Character.isUpperCase(s.charAt(j + 1))) {
            return -1;
        }
        return j;
    }

    private static boolean boundaryAfter(String s, int i) {
        int j = i + 1;
        while (j < s.length() && (s.charAt(j) == '"' || s.charAt(j) == '”' || s.charAt(j) == ')')) {
            j++;
        }
        if (j >= s.length()) {
            return false;
        }
        if (!Character.isWhitespace(s.charAt(j))) {
            return false;
        }
        while (j < s.length() && Character.isWhitespace(s.charAt(j))) {
            j++;
        }
        if (j >= s.length()) {
            return false;
        }
        char next = s.charAt(j);
        return Character.isUpperCase(next) || Character.isDigit(next) || next == '[' || next == '"' || next == '“';
    }

    private static boolean abbreviation(String s, int dot) {
        if (s.charAt(dot) != '.') {
            return false;
        }
        int start = dot;
        while (start > 0 && !Character.isWhitespace(s.charAt(start - 1)) && s.charAt(start - 1) != '(') {
            start--;
        }
        String word = s.substring(start, dot);
        if (word.length() == 1 && Character.isUpperCase(word.charAt(0))) {
            return true;
        }
        return ABBREVIATIONS.contains(word) || word.endsWith("e.g") || word.endsWith("i.e");
    }

    /** Every well-formed citation marker in the text. */
    static List<Marker> markers(String text, int maxRange) {
        List<Marker> out = new ArrayList<>();
        int n = text.length();
        for (int i = 0; i < n; i++) {
            if (text.charAt(i) != '[') {
                continue;
            }
            int close = -1;
            for (int j = i + 1; j < n && j - i <= MAX_MARKER_CHARS; j++) {
                char c = text.charAt(j);
                if (c == ']') {
                    close = j;
                    break;
                }
                if (!(Character.isDigit(c) || c == ',' || c == '-' || c == '–' || c == ';' || c == ' ')) {
                    break;
                }
            }
            if (close > i + 1) {
                Marker m = marker(text.substring(i + 1, close), i, maxRange);
                if (m != null) {
                    out.add(m);
                }
                i = close;
            }
        }
        return out;
    }

    static @org.jspecify.annotations.Nullable Marker marker(String body, int offset, int maxRange) {
        List<Integer> numbers = new ArrayList<>();
        boolean tooLarge = false;
        for (String part : SEPARATORS.split(body)) {
            String p = part.strip().replace('–', '-');
            if (p.isEmpty()) {
                continue;
            }
            int dash = p.indexOf('-');
            if (dash < 0) {
                Integer v = number(p);
                if (v == null) {
                    return null;
                }
                numbers.add(v);
                continue;
            }
            Integer from = number(p.substring(0, dash).strip());
            Integer to = number(p.substring(dash + 1).strip());
            if (from == null || to == null || to < from) {
                return null;
            }
            if (to - from + 1 > maxRange) {
                tooLarge = true;
                continue;
            }
            for (int v = from; v <= to; v++) {
                numbers.add(v);
            }
        }
        return numbers.isEmpty() && !tooLarge ? null : new Marker(offset, numbers, tooLarge);
    }

    private static Integer number(String digits) {
        if (digits.isEmpty() || digits.length() > MAX_NUMBER_DIGITS) {
            return null;
        }
        for (int i = 0; i < digits.length(); i++) {
            if (!Character.isDigit(digits.charAt(i))) {
                return null;
            }
        }
        int v = Integer.parseInt(digits);
        return v == 0 ? null : v;
    }
}
