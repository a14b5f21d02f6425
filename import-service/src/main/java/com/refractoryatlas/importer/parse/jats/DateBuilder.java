package com.refractoryatlas.importer.parse.jats;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.Month;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** A JATS date ({@code pub-date}, {@code history/date}): year, month and day elements or an ISO attribute. */
final class DateBuilder {

    private static final int ISO_DATE_LENGTH = 10;
    private static final int MONTH_PREFIX = 3;

    final @Nullable String type;
    final int line;

    @Nullable
    String iso;

    @Nullable
    String year;

    @Nullable
    String month;

    @Nullable
    String day;

    DateBuilder(@Nullable String type, @Nullable String iso, int line) {
        this.type = type;
        this.iso = iso;
        this.line = line;
    }

    @Nullable
    Integer year() {
        Integer y = Years.first(year);
        return y != null ? y : Years.first(iso);
    }

    /** The full date, or null when the day or month is missing or impossible. */
    @Nullable
    LocalDate date() {
        Integer y = year();
        Integer m = month(month);
        Integer d = number(day);
        if (y != null && m != null && d != null) {
            try {
                return LocalDate.of(y, m, d);
            } catch (DateTimeException e) {
                return null;
            }
        }
        if (iso != null && iso.length() >= ISO_DATE_LENGTH) {
            try {
                return LocalDate.parse(iso.substring(0, ISO_DATE_LENGTH));
            } catch (DateTimeException e) {
                return null;
            }
        }
        return null;
    }

    private static @Nullable Integer month(@Nullable String s) {
        Integer n = number(s);
        if (n != null || s == null || s.strip().length() < MONTH_PREFIX) {
            return n;
        }
        String prefix = s.strip().substring(0, MONTH_PREFIX).toUpperCase(Locale.ROOT);
        for (Month m : Month.values()) {
            if (m.name().startsWith(prefix)) {
                return m.getValue();
            }
        }
        return null;
    }

    private static @Nullable Integer number(@Nullable String s) {
        if (s == null) {
            return null;
        }
        String t = s.strip();
        if (t.isEmpty() || t.length() > 2) {
            return null;
        }
        for (int i = 0; i < t.length(); i++) {
            if (!Character.isDigit(t.charAt(i))) {
                return null;
            }
        }
        return Integer.parseInt(t);
    }
}
