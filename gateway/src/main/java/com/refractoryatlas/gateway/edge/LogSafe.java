package com.refractoryatlas.gateway.edge;

import org.jspecify.annotations.Nullable;

/**
 * Neutralizes client-supplied values before they reach a log line, so that a value with a line break cannot forge
 * a log entry and a huge value cannot flood the log. Use it for every user value that is logged.
 */
public final class LogSafe {

    private static final int MAX_LENGTH = 200;

    private LogSafe() {}

    /** The value with control characters escaped (a newline becomes {@code \n}) and cut to a sane length. */
    public static String of(@Nullable Object value) {
        if (value == null) {
            return "null";
        }
        String text = String.valueOf(value);
        var out = new StringBuilder(Math.min(text.length(), MAX_LENGTH) + 8);
        for (int i = 0; i < text.length() && out.length() < MAX_LENGTH; i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> out.append(isUnsafe(c) ? String.format("\\u%04x", (int) c) : String.valueOf(c));
            }
        }
        if (text.length() > out.length()) {
            out.append("…");
        }
        return out.toString();
    }

    private static boolean isUnsafe(char c) {
        return Character.isISOControl(c) || c == '\u2028' || c == '\u2029' || c == '\u0085';
    }
}
