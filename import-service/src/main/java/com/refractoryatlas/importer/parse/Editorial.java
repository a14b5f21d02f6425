package com.refractoryatlas.importer.parse;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Reads the editorial footer and front-matter lines of an article: dates, manuscript number, DOI, correspondence
 * e-mail. The keys are found by plain substring search; the values are short and bounded.
 */
final class Editorial {

    static final Pattern EMAIL =
            Pattern.compile("[A-Za-z0-9._%+-]{1,64}+@[A-Za-z0-9-]{1,63}+(?:\\.[A-Za-z0-9-]{1,63}+){1,8}+");
    static final Pattern DOI = Pattern.compile("10\\.\\d{4,9}+/[^\\s\"<>,;]{1,200}+");
    private static final Pattern MANUSCRIPT =
            Pattern.compile("(?i)manuscript\\s?+(?:no|number|id)\\.?+\\s?+:?\\s?+([A-Za-z0-9][A-Za-z0-9./_-]{0,60}+)");
    private static final String[] KEYS = {
        "received:", "editor assigned:", "reviewed:", "revised:", "accepted:", "published online:", "published:", "doi:"
    };
    private static final List<DateTimeFormatter> DATE_FORMATS = List.of(
            format("d-MMM-uuuu"),
            format("d-MMMM-uuuu"),
            format("d MMM uuuu"),
            format("d MMMM uuuu"),
            format("MMMM d uuuu"),
            format("MMM d uuuu"),
            format("uuuu-MM-dd"),
            format("d/M/uuuu"),
            format("d.M.uuuu"),
            format("d MMM. uuuu"));

    private Editorial() {}

    private static DateTimeFormatter format(String pattern) {
        return new DateTimeFormatterBuilder()
                .parseCaseInsensitive()
                .appendPattern(pattern)
                .toFormatter(Locale.ENGLISH);
    }

    /** Dates and identifiers found in one footer block. */
    static final class Found {
        @Nullable
        LocalDate received;

        @Nullable
        LocalDate editorAssigned;

        @Nullable
        LocalDate reviewed;

        @Nullable
        LocalDate revised;

        @Nullable
        LocalDate published;

        @Nullable
        String manuscriptNumber;

        @Nullable
        String doi;
    }

    /** True when a cleaned line opens with an editorial key (such lines are metadata, not body text). */
    static boolean startsWithKey(String cleaned) {
        String lower = LowerCase.of(cleaned);
        for (String key : KEYS) {
            if (lower.startsWith(key)) {
                return true;
            }
        }
        return false;
    }

    static void read(String cleaned, int line, Found found, IssueLog log) {
        String lower = LowerCase.of(cleaned);
        List<int[]> hits = new ArrayList<>();
        for (int k = 0; k < KEYS.length; k++) {
            int from = 0;
            int at;
            while ((at = lower.indexOf(KEYS[k], from)) >= 0) {
                boolean shadowed = KEYS[k].equals("published:")
                        && at >= "published online".length()
                        && lower.startsWith("published online:", at);
                if (!shadowed) {
                    hits.add(new int[] {at, k});
                }
                from = at + KEYS[k].length();
            }
        }
        hits.sort((a, b) -> Integer.compare(a[0], b[0]));
        for (int h = 0; h < hits.size(); h++) {
            int start = hits.get(h)[0] + KEYS[hits.get(h)[1]].length();
            int end = h + 1 < hits.size() ? hits.get(h + 1)[0] : cleaned.length();
            String value = cleaned.substring(start, Math.max(start, end)).strip();
            apply(KEYS[hits.get(h)[1]], value, line, found, log);
        }
        if (found.manuscriptNumber == null) {
            Matcher m = MANUSCRIPT.matcher(cleaned);
            if (m.find()) {
                found.manuscriptNumber = trimEnd(m.group(1));
            }
        }
    }

    private static void apply(String key, String value, int line, Found found, IssueLog log) {
        if (key.equals("doi:")) {
            if (found.doi == null) {
                found.doi = Dois.find(value);
            }
            return;
        }
        if (key.equals("received:")) {
            Matcher m = MANUSCRIPT.matcher(value);
            if (m.find()) {
                found.manuscriptNumber = trimEnd(m.group(1));
            }
        }
        if (found.doi == null) {
            found.doi = Dois.find(value);
        }
        LocalDate date = date(value, key, line, log);
        switch (key) {
            case "received:" -> found.received = date;
            case "editor assigned:" -> found.editorAssigned = date;
            case "reviewed:" -> found.reviewed = date;
            case "revised:" -> found.revised = date;
            case "published:", "published online:" -> found.published = date;
            default -> {
                // accepted: no field in the contract
            }
        }
    }

    private static @Nullable LocalDate date(String value, String key, int line, IssueLog log) {
        String text = value;
        int cut = indexOfAny(text, ",;");
        if (cut >= 0 && !startsWithMonthName(text)) {
            text = text.substring(0, cut);
        } else if (cut >= 0) {
            int second = indexOfAny(text.substring(cut + 1), ",;");
            text = second >= 0 ? text.substring(0, cut + 1 + second) : text;
        }
        text = text.replace(",", " ").replaceAll(" {2,}+", " ").strip();
        text = trimEnd(text);
        for (DateTimeFormatter f : DATE_FORMATS) {
            try {
                return LocalDate.parse(text, f);
            } catch (DateTimeParseException e) {
                // try the next format
            }
        }
        if (!text.isEmpty()) {
            log.warning(
                    ParseIssue.Code.UNPARSED_DATE,
                    "could not read the date after '" + key + "': " + abbreviate(text),
                    line);
        }
        return null;
    }

    private static final int ABBREVIATE = 60;

    private static String abbreviate(String s) {
        return s.length() <= ABBREVIATE ? s : s.substring(0, ABBREVIATE) + "…";
    }

    private static boolean startsWithMonthName(String s) {
        return !s.isEmpty() && Character.isLetter(s.charAt(0));
    }

    private static int indexOfAny(String s, String chars) {
        for (int i = 0; i < s.length(); i++) {
            if (chars.indexOf(s.charAt(i)) >= 0) {
                return i;
            }
        }
        return -1;
    }

    static String trimEnd(String s) {
        String t = s.strip();
        while (!t.isEmpty() && ".,;:)".indexOf(t.charAt(t.length() - 1)) >= 0) {
            t = t.substring(0, t.length() - 1);
        }
        return t;
    }

    static @Nullable String email(String text) {
        Matcher m = EMAIL.matcher(text);
        return m.find() ? trimEnd(m.group()) : null;
    }
}
