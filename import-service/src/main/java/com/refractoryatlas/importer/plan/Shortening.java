package com.refractoryatlas.importer.plan;

/** Shortens text for a store that takes at most so many characters: at a word, with an ellipsis. */
final class Shortening {

    static final char ELLIPSIS = '\u2026';

    private Shortening() {}

    /**
     * {@code text} if it has at most {@code max} characters; else its start, cut before the last space of the last
     * fifth if there is one and never between the two halves of a surrogate pair, and an ellipsis: {@code max}
     * characters at most.
     */
    static String atWord(CharSequence text, int max) {
        if (text.length() <= max) {
            return text.toString();
        }
        int limit = max - 1;
        int at = limit;
        if (at > 0 && Character.isHighSurrogate(text.charAt(at - 1))) {
            at--;
        }
        for (int i = at; i > limit - limit / 5; i--) {
            if (Character.isWhitespace(text.charAt(i))) {
                at = i;
                break;
            }
        }
        return text.subSequence(0, at) + String.valueOf(ELLIPSIS);
    }
}
