package com.refractoryatlas.importer.evaluation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Which parsed reference stands for which gold reference. A numbered list is aligned by number when the parser's
 * numbers are usable (distinct); otherwise each gold reference gets the best-matching parsed one, greedily by score,
 * each used once, and only when it could be the same work ({@link #identifies}) and scores above a floor (so a
 * wrong reference is spurious rather than a poor match). Gold entries
 * given only as unstructured text cannot be matched by content; leftover parsed references fill them in list order.
 *
 * @param pairs gold number to the parsed reference aligned with it; a gold number absent here was not found
 * @param spurious parsed references aligned with no gold reference
 */
record Alignment(Map<Integer, Candidate> pairs, List<Candidate> spurious) {

    static final double FLOOR = 2.5;

    static Alignment of(List<GoldReference> gold, List<Candidate> parsed, boolean numbered) {
        if (numbered && distinctNumbers(parsed)) {
            return byNumber(gold, parsed);
        }
        return byContent(gold, parsed);
    }

    private static boolean distinctNumbers(List<Candidate> parsed) {
        Set<Integer> seen = new HashSet<>();
        for (Candidate c : parsed) {
            if (c.number() <= 0 || !seen.add(c.number())) {
                return false;
            }
        }
        return true;
    }

    private static Alignment byNumber(List<GoldReference> gold, List<Candidate> parsed) {
        Map<Integer, Candidate> byNumber = new HashMap<>();
        parsed.forEach(c -> byNumber.put(c.number(), c));
        Map<Integer, Candidate> pairs = new HashMap<>();
        for (GoldReference g : gold) {
            Candidate c = byNumber.remove(g.number());
            if (c != null) {
                pairs.put(g.number(), c);
            }
        }
        List<Candidate> spurious =
                parsed.stream().filter(c -> byNumber.get(c.number()) == c).toList();
        return new Alignment(pairs, spurious);
    }

    private record Scored(int gold, int parsed, double score) {}

    private static Alignment byContent(List<GoldReference> gold, List<Candidate> parsed) {
        List<Scored> scored = new ArrayList<>();
        for (int g = 0; g < gold.size(); g++) {
            if (!gold.get(g).labelled()) {
                continue;
            }
            for (int p = 0; p < parsed.size(); p++) {
                Candidate gc = gold.get(g).asCandidate();
                double s = score(gc, parsed.get(p));
                if (s >= FLOOR && identifies(gc, parsed.get(p))) {
                    scored.add(new Scored(g, p, s));
                }
            }
        }
        scored.sort((a, b) -> Double.compare(b.score(), a.score()));
        Map<Integer, Candidate> pairs = new HashMap<>();
        boolean[] usedGold = new boolean[gold.size()];
        boolean[] usedParsed = new boolean[parsed.size()];
        for (Scored s : scored) {
            if (usedGold[s.gold()] || usedParsed[s.parsed()]) {
                continue;
            }
            usedGold[s.gold()] = true;
            usedParsed[s.parsed()] = true;
            pairs.put(gold.get(s.gold()).number(), parsed.get(s.parsed()));
        }
        fillUnstructured(gold, parsed, pairs, usedGold, usedParsed);
        List<Candidate> spurious = new ArrayList<>();
        for (int p = 0; p < parsed.size(); p++) {
            if (!usedParsed[p]) {
                spurious.add(parsed.get(p));
            }
        }
        return new Alignment(pairs, spurious);
    }

    private static void fillUnstructured(
            List<GoldReference> gold,
            List<Candidate> parsed,
            Map<Integer, Candidate> pairs,
            boolean[] usedGold,
            boolean[] usedParsed) {
        int p = 0;
        for (int g = 0; g < gold.size(); g++) {
            if (gold.get(g).labelled() || usedGold[g]) {
                continue;
            }
            while (p < parsed.size() && usedParsed[p]) {
                p++;
            }
            if (p == parsed.size()) {
                return;
            }
            usedParsed[p] = true;
            pairs.put(gold.get(g).number(), parsed.get(p));
        }
    }

    /**
     * Whether the parsed reference could be the same work at all: similar titles, the same DOI, or the same first
     * author and year. Shared journal, volume or pages alone never align two references.
     */
    static boolean identifies(Candidate gold, Candidate parsed) {
        String gt = gold.title();
        String pt = parsed.title();
        if (gt != null && pt != null && Exactness.titleSimilarity(gt, pt) >= 0.5) {
            return true;
        }
        String gd = gold.doi();
        if (gd != null && Field.DOI.exact(gd, parsed.doi())) {
            return true;
        }
        String ga = gold.firstAuthorFamily();
        String gy = gold.year();
        return ga != null
                && gy != null
                && Field.FIRST_AUTHOR.exact(ga, parsed.firstAuthorFamily())
                && Field.YEAR.exact(gy, parsed.year());
    }

    /**
     * How alike two references are: exact fields weighted by how much they identify a work, plus the titles' word
     * overlap, so that a reference with a slightly wrong title still aligns with its gold and is scored field by
     * field.
     */
    static double score(Candidate gold, Candidate parsed) {
        double s = 0;
        for (Field f : Field.values()) {
            String g = f.of(gold);
            if (g != null && f.exact(g, f.of(parsed))) {
                s += weight(f);
            }
        }
        String gt = gold.title();
        String pt = parsed.title();
        if (gt != null && pt != null) {
            s += 3 * Exactness.titleSimilarity(gt, pt);
        }
        return s;
    }

    private static double weight(Field f) {
        return switch (f) {
            case TITLE, DOI -> 3;
            case FIRST_AUTHOR -> 2;
            case YEAR, JOURNAL, VOLUME, PAGES -> 1;
            case AUTHOR_COUNT -> 0.5;
        };
    }

    @Nullable
    Candidate get(int goldNumber) {
        return pairs.get(goldNumber);
    }
}
