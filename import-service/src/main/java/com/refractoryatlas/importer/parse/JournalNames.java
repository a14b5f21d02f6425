package com.refractoryatlas.importer.parse;

import org.jspecify.annotations.Nullable;

/**
 * Normaliser for journal names as printed in references: emphasis and escapes removed, spaces collapsed, trailing
 * punctuation (the abbreviation's period after "J Med.") dropped, abbreviations otherwise kept as printed
 * ("Ann N Y Acad Sci"), a registered-mark sign after the name dropped ("PAIN®"; "PAINÒ" where pdftotext read the
 * Symbol font's ® as the Latin-1 letter of the same code). Public for the other readers.
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
        j = withoutMark(j.substring(start, end));
        return j.isBlank() ? null : j;
    }

    /** The name without a ®, ™ or © after it; Ò, Ó, Ô (the Symbol font's codes for those) only after a capital. */
    private static String withoutMark(String j) {
        int n = j.length();
        if (n < 2) {
            return j;
        }
        char last = j.charAt(n - 1);
        boolean mark = last == '®'
                || last == '™'
                || last == '©'
                || (last == 'Ò' || last == 'Ó' || last == 'Ô') && Character.isUpperCase(j.charAt(n - 2));
        return mark ? j.substring(0, n - 1).strip() : j;
    }
}
