package com.refractoryatlas.importer.parse.jats;

import org.jspecify.annotations.Nullable;

/** The first plausible four-digit year in a field ("2010a", "2010-05-01", "Spring 1998"). */
public final class Years {

    private static final int MIN_YEAR = 1500;
    private static final int MAX_YEAR = 2100;
    private static final int DIGITS = 4;

    private Years() {}

    public static @Nullable Integer first(@Nullable String s) {
        if (s == null) {
            return null;
        }
        int run = 0;
        for (int i = 0; i <= s.length(); i++) {
            boolean digit = i < s.length() && Character.isDigit(s.charAt(i));
            if (digit) {
                run++;
                continue;
            }
            if (run == DIGITS) {
                int y = Integer.parseInt(s.substring(i - DIGITS, i));
                if (y >= MIN_YEAR && y <= MAX_YEAR) {
                    return y;
                }
            }
            run = 0;
        }
        return null;
    }
}
