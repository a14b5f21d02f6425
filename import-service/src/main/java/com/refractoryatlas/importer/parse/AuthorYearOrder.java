package com.refractoryatlas.importer.parse;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * The order of an author-year list whose two columns were read interleaved (pdftotext takes some two-column pages
 * entry by entry from alternate columns: "Fuchs, Bernink, Gascoyne, Bernink, Geiger, Burkett, …"). Such a list is
 * alphabetical, so its entries, in the order read, fall into two or three alphabetical runs; a list in citation
 * order whose numbers were lost falls into many more (about 2√n), and is left as it is.
 *
 * <p>Runs are counted by patience sorting (the fewest non-decreasing subsequences that cover the sequence equal the
 * longest strictly decreasing one), in n log n.
 */
final class AuthorYearOrder {

    /** At most this many alphabetical runs: the columns of a page, with a spare for a name sorted its own way. */
    private static final int MAX_RUNS = 3;
    /** Fewer out-of-order neighbours than this is a list in order, with a particle or accent sorted its own way. */
    private static final int MIN_DESCENTS = 3;

    private AuthorYearOrder() {}

    /**
     * The references (all numbered by position) in alphabetical order of their first authors, renumbered, when they
     * were read as interleaved alphabetical runs; otherwise the same list.
     */
    static List<ParsedReference> restore(List<ParsedReference> references, IssueLog log) {
        // an entry without a parsed author (a fragment cut by a column break, an anonymous work) moves with the
        // entry before it, where it was read
        List<String> keys = new ArrayList<>();
        List<List<Integer>> units = new ArrayList<>();
        for (int i = 0; i < references.size(); i++) {
            ParsedReference r = references.get(i);
            if (r.authors().isEmpty() && !units.isEmpty()) {
                units.get(units.size() - 1).add(i);
                continue;
            }
            keys.add(r.authors().isEmpty() ? "" : key(r));
            units.add(new ArrayList<>(List.of(i)));
        }
        int descents = 0;
        for (int i = 1; i < keys.size(); i++) {
            if (keys.get(i).compareTo(keys.get(i - 1)) < 0) {
                descents++;
            }
        }
        if (descents < MIN_DESCENTS || runs(keys) > MAX_RUNS) {
            return references;
        }
        List<Integer> order = new ArrayList<>(units.size());
        for (int i = 0; i < units.size(); i++) {
            order.add(i);
        }
        order.sort(Comparator.comparing(keys::get)); // stable: one author's works keep the order read
        List<ParsedReference> out = new ArrayList<>(references.size());
        for (int unit : order) {
            for (int index : units.get(unit)) {
                ParsedReference r = references.get(index);
                out.add(new ParsedReference(
                        out.size() + 1,
                        r.authors(),
                        r.title(),
                        r.journal(),
                        r.volume(),
                        r.issue(),
                        r.pages(),
                        r.year(),
                        r.doi(),
                        r.raw(),
                        r.line()));
            }
        }
        log.info(
                ParseIssue.Code.REFERENCES_NUMBERED_BY_POSITION,
                "the author-year list was read out of alphabetical order (" + descents
                        + " entries before a name earlier in the alphabet: columns read interleaved); entries are"
                        + " numbered in alphabetical order",
                references.isEmpty() ? null : references.get(0).line());
        return out;
    }

    /** The first author's family name, lower case, without accents, spaces or marks: "O’Connor" → "oconnor". */
    private static String key(ParsedReference r) {
        String plain = Normalizer.normalize(r.authors().get(0).family(), Normalizer.Form.NFD)
                .toLowerCase(Locale.ROOT);
        StringBuilder out = new StringBuilder(plain.length());
        for (int i = 0; i < plain.length(); i++) {
            char c = plain.charAt(i);
            if (c >= 'a' && c <= 'z') {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** The fewest non-decreasing runs that cover the keys (patience sorting: one pile per run, tops increasing). */
    private static int runs(List<String> keys) {
        List<String> tops = new ArrayList<>();
        for (String k : keys) {
            // the leftmost pile whose top is <= k takes k; piles' tops are kept in decreasing order
            int lo = 0;
            int hi = tops.size();
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (tops.get(mid).compareTo(k) <= 0) {
                    hi = mid;
                } else {
                    lo = mid + 1;
                }
            }
            if (lo == tops.size()) {
                tops.add(k);
            } else {
                tops.set(lo, k);
            }
        }
        return tops.size();
    }
}
