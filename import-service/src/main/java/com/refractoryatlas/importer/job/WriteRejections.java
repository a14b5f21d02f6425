package com.refractoryatlas.importer.job;

import com.refractoryatlas.importer.write.DownstreamRejectedException;

/**
 * Turns a downstream refusal into an error for the importer: internal field paths ({@code input.sections[0].text})
 * become the words of the document ("section 1 text"), and quoted values, which would repeat document text, are
 * left out. One linear pass, no regular expressions.
 */
final class WriteRejections {

    private static final String INPUT = "input.";
    private static final int MAX_MESSAGE = 300;

    private WriteRejections() {}

    static ImportError describe(DownstreamRejectedException rejected) {
        var reason = rejected.getMessage();
        int colon = reason.indexOf("): ");
        var detail = colon < 0 ? "" : reason.substring(colon + 3);
        var words = withoutQuotes(inClientWords(detail));
        if (words.length() > MAX_MESSAGE) {
            words = words.substring(0, MAX_MESSAGE) + "…";
        }
        return new ImportError(
                ImportError.WRITE_REJECTED,
                "The " + rejected.service() + " service refused the document (" + rejected.code() + ")"
                        + (words.isBlank() ? "" : ": " + words),
                null);
    }

    /** {@code input.references[3].title} → {@code reference 4 title}; {@code input.title} → {@code title}. */
    static String inClientWords(String message) {
        var out = new StringBuilder(message.length());
        int i = 0;
        while (i < message.length()) {
            if (!message.startsWith(INPUT, i)) {
                out.append(message.charAt(i++));
                continue;
            }
            i += INPUT.length();
            i = appendPath(message, i, out);
        }
        return out.toString();
    }

    private static int appendPath(String message, int start, StringBuilder out) {
        int i = start;
        while (i < message.length() && isPathChar(message.charAt(i))) {
            char c = message.charAt(i);
            if (c == '[') {
                int next = appendIndex(message, i, out);
                if (next < 0) {
                    break;
                }
                i = next;
            } else {
                out.append(c == '.' ? ' ' : c);
                i++;
            }
        }
        return i;
    }

    /** {@code items[3]} → {@code item 4}; returns the position after {@code ]}, or -1 when there is none. */
    private static int appendIndex(String message, int open, StringBuilder out) {
        int close = message.indexOf(']', open);
        if (close < 0) {
            return -1;
        }
        if (!out.isEmpty() && out.charAt(out.length() - 1) == 's') {
            out.setLength(out.length() - 1);
        }
        out.append(' ').append(index(message.substring(open + 1, close)));
        return close + 1;
    }

    private static String index(String digits) {
        try {
            return String.valueOf(Integer.parseInt(digits) + 1);
        } catch (NumberFormatException e) {
            return digits;
        }
    }

    private static boolean isPathChar(char c) {
        return Character.isLetterOrDigit(c) || c == '.' || c == '[';
    }

    /** Drops what stands between single or double quotes. */
    static String withoutQuotes(String message) {
        var out = new StringBuilder(message.length());
        char open = 0;
        for (int i = 0; i < message.length(); i++) {
            char c = message.charAt(i);
            if (open != 0) {
                if (c == open) {
                    open = 0;
                    out.append("(…)");
                }
                continue;
            }
            if (c == '\'' || c == '"') {
                open = c;
                continue;
            }
            out.append(c);
        }
        return out.toString();
    }
}
