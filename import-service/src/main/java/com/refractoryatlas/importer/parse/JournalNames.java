package com.refractoryatlas.importer.parse;

import org.jspecify.annotations.Nullable;

/**
 * Normaliser for journal names as printed in references: emphasis and escapes removed, spaces collapsed, trailing
 * punctuation (the abbreviation's period after "J Med.") dropped, abbreviations otherwise kept as printed
 * ("Ann N Y Acad Sci"). Public for the other readers.
 */
public final class JournalNames {

    private JournalNames() {}

    public static @Nullable String normalize(@Nullable String printed) {
        if (printed == null) {
            return null;
        }
        String j = Markup.clean(printed);
        int end = j.length();
        while (end > 0 && ".,;: ".indexOf(j.charAt(end - 1)) >= 0) {
            end--;
        }
        int start = 0;
        while (start < end && ".,;: ".indexOf(j.charAt(start)) >= 0) {
            start++;
        }
        j = j.substring(start, end);
        return j.isBlank() ? null : j;
    }
}
