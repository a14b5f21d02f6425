package com.refractoryatlas.importer.parse.jats;

import java.util.function.Consumer;

/**
 * The text of one element and everything inside it, whitespace collapsed as it arrives, so that offsets taken while
 * reading (where an {@code xref} sits in a paragraph) stay valid in the final text.
 */
final class TextCapture {

    private final StringBuilder text = new StringBuilder();
    private final int depth;
    private final Consumer<String> onEnd;

    TextCapture(int depth, Consumer<String> onEnd) {
        this.depth = depth;
        this.onEnd = onEnd;
    }

    int depth() {
        return depth;
    }

    void append(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c) || c == '\u00A0') {
                space();
            } else {
                text.append(c);
            }
        }
    }

    /** A word break (an element boundary between fields that print without a space). */
    void space() {
        if (!text.isEmpty() && text.charAt(text.length() - 1) != ' ') {
            text.append(' ');
        }
    }

    /** Characters so far: the offset the next character will have. */
    int length() {
        return text.length();
    }

    String text() {
        return text.toString().strip();
    }

    void finish() {
        onEnd.accept(text());
    }
}
