package com.refractoryatlas.importer.parse;

import org.jspecify.annotations.Nullable;

/**
 * Normaliser for DOIs as printed: {@code doi:10.1/x}, {@code DOI 10.1/x}, {@code https://doi.org/10.1/x},
 * {@code dx.doi.org}, spaces a PDF inserted ({@code 10.1016/j. cell.2020.01.001}), an ISSN's hyphen a line break took
 * ({@link #restoreIssnHyphen}) and trailing punctuation.
 * Public so that every format's reader normalises DOIs the same way. A hand-written scanner: linear, no regex.
 */
public final class Dois {

    private static final int MIN_PREFIX_DIGITS = 4;
    private static final int MAX_PREFIX_DIGITS = 9;
    private static final int MAX_DOI_CHARS = 300;

    private Dois() {}

    /** The first DOI in the text, normalised; null when there is none. */
    public static @Nullable String find(String text) {
        int from = 0;
        int at;
        while ((at = text.indexOf("10.", from)) >= 0) {
            String doi = readAt(text, at);
            if (doi != null) {
                return doi;
            }
            from = at + 3;
        }
        return null;
    }

    /** Where {@link #find} found its DOI: [start, end) in the text including a {@code doi:} or URL prefix. */
    static int @Nullable [] span(String text) {
        int from = 0;
        int at;
        while ((at = text.indexOf("10.", from)) >= 0) {
            int end = endAt(text, at);
            if (end > 0) {
                return new int[] {prefixStart(text, at), end};
            }
            from = at + 3;
        }
        return null;
    }

    /** A DOI as printed, normalised: prefix removed, spaces removed, trailing punctuation trimmed. */
    public static @Nullable String normalize(@Nullable String printed) {
        return printed == null ? null : find(printed);
    }

    private static @Nullable String readAt(String text, int at) {
        int end = endAt(text, at);
        if (end < 0) {
            return null;
        }
        StringBuilder doi = new StringBuilder(end - at);
        for (int i = at; i < end; i++) {
            char c = text.charAt(i);
            if (!Character.isWhitespace(c)) {
                doi.append(c);
            }
        }
        return restoreIssnHyphen(trim(doi.toString()));
    }

    private static final int ISSN_DIGITS = 8;

    /**
     * "10.1016/S01406736(10)61270-6" → "10.1016/S0140-6736(10)61270-6": plain pdftotext drops a hyphen at a line end,
     * and in an Elsevier PII ({@code /S} + ISSN + "(") or an older Wiley DOI ({@code /j.} + ISSN + ".") that hyphen is
     * the ISSN's. It is put back only where the eight characters are an ISSN by its check digit; other 8-digit DOIs
     * (Taylor &amp; Francis: {@code 10.1080/00207454.2016…}) have neither form and stay as they are.
     */
    static String restoreIssnHyphen(String doi) {
        int slash = doi.indexOf('/');
        if (slash < 0) {
            return doi;
        }
        int at;
        char after;
        if (doi.startsWith("S", slash + 1) || doi.startsWith("s", slash + 1)) {
            at = slash + 2;
            after = '(';
        } else if (doi.startsWith("j.", slash + 1)) {
            at = slash + 3;
            after = '.';
        } else {
            return doi;
        }
        int end = at + ISSN_DIGITS;
        if (end >= doi.length() || doi.charAt(end) != after || !issn(doi, at)) {
            return doi;
        }
        return doi.substring(0, at + 4) + "-" + doi.substring(at + 4);
    }

    /** Eight characters at {@code at}: seven digits and a check digit (or X) that fits them. */
    private static boolean issn(String s, int at) {
        int sum = 0;
        for (int k = 0; k < ISSN_DIGITS - 1; k++) {
            char c = s.charAt(at + k);
            if (!Character.isDigit(c)) {
                return false;
            }
            sum += (c - '0') * (ISSN_DIGITS - k);
        }
        char check = Character.toUpperCase(s.charAt(at + ISSN_DIGITS - 1));
        int expected = (11 - sum % 11) % 11;
        return expected == 10 ? check == 'X' : check == (char) ('0' + expected);
    }

    private static final String DOI_LABEL = "doi:";

    private static int prefixStart(String text, int at) {
        String before = text.substring(Math.max(0, at - 30), at).toLowerCase(java.util.Locale.ROOT);
        for (String p : new String[] {
            "https://dx.doi. org/", // pdftotext's space at a line break inside the URL (Ubiquity Press)
            "http://dx.doi. org/",
            "https://dx.doi.org/",
            "http://dx.doi.org/",
            "https://doi.org/",
            "http://doi.org/",
            "dx.doi.org/",
            "doi.org/",
            "doi: ",
            "doi:",
            "doi ",
            "doi.org/ "
        }) {
            if (before.endsWith(p)) {
                int start = at - p.length();
                return p.startsWith("http") ? labelStart(text, start) : start;
            }
        }
        return at;
    }

    /** "DOI: http://dx.doi.org/…": the label printed before a DOI's URL belongs to it. */
    private static int labelStart(String text, int urlStart) {
        int i = urlStart;
        while (i > 0 && text.charAt(i - 1) == ' ') {
            i--;
        }
        return i >= DOI_LABEL.length()
                        && text.regionMatches(true, i - DOI_LABEL.length(), DOI_LABEL, 0, DOI_LABEL.length())
                ? i - DOI_LABEL.length()
                : urlStart;
    }

    /** End (exclusive) of a DOI starting at {@code at}, or -1 when the text there is not one. */
    private static int endAt(String text, int at) {
        if (at > 0 && Character.isLetterOrDigit(text.charAt(at - 1))) {
            return -1;
        }
        int i = at + 3;
        i = skipOneSpace(text, i);
        int digitsStart = i;
        while (i < text.length() && Character.isDigit(text.charAt(i))) {
            i++;
        }
        int digits = i - digitsStart;
        if (digits < MIN_PREFIX_DIGITS || digits > MAX_PREFIX_DIGITS) {
            return -1;
        }
        while (i < text.length()
                && text.charAt(i) == '.'
                && i + 1 < text.length()
                && Character.isDigit(text.charAt(i + 1))) {
            i++;
            while (i < text.length() && Character.isDigit(text.charAt(i))) {
                i++;
            }
        }
        i = skipOneSpace(text, i);
        if (i >= text.length() || text.charAt(i) != '/') {
            return -1;
        }
        i++;
        i = skipOneSpace(text, i);
        int end = chunkEnd(text, i);
        if (end == i) {
            return -1;
        }
        while (end < text.length() && end - at < MAX_DOI_CHARS && continues(text, end)) {
            end = chunkEnd(text, end + 1);
        }
        return end;
    }

    private static int skipOneSpace(String text, int i) {
        return i < text.length() && text.charAt(i) == ' ' ? i + 1 : i;
    }

    private static int chunkEnd(String text, int from) {
        int i = from;
        while (i < text.length() && !Character.isWhitespace(text.charAt(i)) && "\"<>".indexOf(text.charAt(i)) < 0) {
            i++;
        }
        return i;
    }

    /** A space at {@code space} was inserted inside the DOI: the part before ends in a joiner, the next has a digit. */
    private static boolean continues(String text, int space) {
        if (text.charAt(space) != ' ' || space == 0 || "./-_(".indexOf(text.charAt(space - 1)) < 0) {
            return false;
        }
        int next = chunkEnd(text, space + 1);
        if (next == space + 1) {
            return false;
        }
        boolean digit = false;
        for (int i = space + 1; i < next; i++) {
            digit |= Character.isDigit(text.charAt(i));
        }
        return digit;
    }

    private static String trim(String doi) {
        String s = doi;
        while (!s.isEmpty() && ".,;:)]}*".indexOf(s.charAt(s.length() - 1)) >= 0) {
            if ((s.endsWith(")") && count(s, '(') >= count(s, ')'))
                    || s.endsWith("]") && count(s, '[') >= count(s, ']')) {
                break;
            }
            s = s.substring(0, s.length() - 1);
        }
        return s;
    }

    private static int count(String s, char c) {
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) == c) {
                n++;
            }
        }
        return n;
    }
}
