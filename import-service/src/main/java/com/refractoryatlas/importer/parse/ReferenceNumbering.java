package com.refractoryatlas.importer.parse;

import com.refractoryatlas.importer.parse.layout.LayoutLine;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Numbers for the entries of a numbered list whose numbers were printed apart from their entries. pdftotext prints a
 * two-column page's numbers as blocks of their own (BMC, JMIR): "9." to "22." above the References heading, "23." to
 * "34." in one block before the entries they belong to, or each page's numbers above its entries. The segmenter gives
 * such numbers to the entries that follow them, in order, which is right only when none went astray. Here the list is
 * looked at whole, after segmentation: the entries printed with their own number ("8. Larson E. …") are anchors, and a
 * stretch of entries between two anchors that holds exactly as many entries as the numbers between them takes those
 * numbers in reading order (entries are printed in order; only their numbers were apart). Linear in the list.
 */
final class ReferenceNumbering {

    /** Entry numbers above this are not looked at for gaps (a bound on the bit set, far above any real list). */
    private static final int MAX_GAP_NUMBER = 100_000;
    /** An organisation's name before the colon that ends an entry's authors: "Office for National Statistics:". */
    private static final int ORGANISATION_CHARS = 80;
    /** An opening that reads like authors before a colon ("Booth ML:") opens an entry even after one without a year. */
    private static final int STRONG_OPENING = 4;

    private ReferenceNumbering() {}

    /** Entries of the list, some cut in two where numbers showed an entry was missing, and the numbers to give them. */
    record Numbered(List<Zone.ReferenceEntry> entries, Map<Zone.ReferenceEntry, Integer> numbers) {}

    /**
     * The list's entries and the numbers to give them instead of the ones they carry (an entry not in the map keeps its
     * own); the entries as they were and no numbers when the list needs none. Logs one warning per renumbered stretch.
     */
    static Numbered reconcile(List<Zone.ReferenceEntry> entries, int highestNumber, IssueLog log) {
        Numbered anchored = anchored(entries, highestNumber, log);
        return anchored.numbers().isEmpty() ? new Numbered(entries, gapNumbers(entries, log)) : anchored;
    }

    /**
     * Between two entries printed with their own numbers {@code a} and {@code b} (or before the first such entry, from
     * 0, or after the last, up to the highest number the list printed), a stretch of exactly {@code b - a - 1}
     * entries, each numbered apart or opening like a whole entry, is numbered {@code a + 1} to {@code b - 1} in
     * reading order, when its numbers are not that already. A stretch short of entries is first cut where its
     * unnumbered text shows the most likely entry openings ({@link #split}). Anchors out of order (a column printed
     * before the one left of it) start a new run.
     */
    private static Numbered anchored(List<Zone.ReferenceEntry> entries, int highestNumber, IssueLog log) {
        Map<Zone.ReferenceEntry, Integer> numbers = new IdentityHashMap<>();
        if (entries.stream().noneMatch(Zone.ReferenceEntry::inline)) {
            return new Numbered(entries, numbers);
        }
        List<Zone.ReferenceEntry> out = new ArrayList<>(entries.size());
        int previous = -1; // index of the last anchor
        int previousNumber = 0;
        for (int i = 0; i <= entries.size(); i++) {
            boolean end = i == entries.size();
            if (!end && !entries.get(i).inline()) {
                continue;
            }
            List<Zone.ReferenceEntry> stretch = entries.subList(previous + 1, i);
            int bound = end
                    ? Math.max(highestNumber, highestApart(stretch)) + 1
                    : entries.get(i).number();
            int needed = bound - previousNumber - 1;
            List<Zone.ReferenceEntry> filled =
                    !stretch.isEmpty() && needed > stretch.size() ? split(stretch, needed - stretch.size()) : stretch;
            if (!stretch.isEmpty() && filled.size() == needed && renumberable(filled, previousNumber)) {
                for (int k = 0; k < needed; k++) {
                    numbers.put(filled.get(k), previousNumber + 1 + k);
                }
                log.warning(
                        ParseIssue.Code.MALFORMED_REFERENCE,
                        needed + " entries printed apart from their numbers were numbered " + (previousNumber + 1) + "-"
                                + (bound - 1) + " in reading order",
                        filled.get(0).line());
                out.addAll(filled);
            } else {
                out.addAll(stretch);
            }
            if (!end) {
                out.add(entries.get(i));
                previous = i;
                previousNumber = entries.get(i).number();
            }
        }
        return new Numbered(numbers.isEmpty() ? entries : out, numbers);
    }

    /**
     * The stretch with {@code missing} more entries, cut out of its entries not printed with a number at the lines most
     * likely to open an entry, or the stretch as it is when there are fewer such lines. A line may open an entry when
     * the line before ends an entry (a period, a bracket or a parenthesis), the text since the last opening holds a
     * year, a link or "in press" (or the line reads strongly like authors), and it opens with a capital or a name's
     * particle, not with a note ("Available from"). It is more
     * likely the more it reads like an author list ("Booth ML:", "Rabin R, de Charro F"), an organisation's name before
     * a colon ("Office for National Statistics: Internet access.") and the more the line before ends like an entry
     * (pages, the tail of a link). Linear in the stretch's lines, but for sorting the openings.
     */
    private static List<Zone.ReferenceEntry> split(List<Zone.ReferenceEntry> stretch, int missing) {
        List<int[]> openings = new ArrayList<>(); // {entry index, line index, score}
        for (int e = 0; e < stretch.size(); e++) {
            Zone.ReferenceEntry entry = stretch.get(e);
            if (entry.inline()) {
                continue;
            }
            List<LayoutLine> lines = entry.lines();
            boolean complete = false;
            for (int k = 1; k < lines.size(); k++) {
                String before = lines.get(k - 1).text().strip();
                complete |= ReferenceLabeller.hasYear(before) || link(before) || before.contains("n press");
                int score = openingScore(before, lines.get(k).text().strip());
                if (score >= STRONG_OPENING || complete && score >= 0) {
                    openings.add(new int[] {e, k, score});
                    complete = false;
                }
            }
        }
        if (openings.size() < missing) {
            return stretch;
        }
        openings.sort(Comparator.comparingInt((int[] o) -> -o[2]));
        List<int[]> chosen = new ArrayList<>(openings.subList(0, missing));
        chosen.sort(Comparator.<int[]>comparingInt(o -> o[0]).thenComparingInt(o -> o[1]));
        List<Zone.ReferenceEntry> out = new ArrayList<>(stretch.size() + missing);
        int c = 0;
        for (int e = 0; e < stretch.size(); e++) {
            Zone.ReferenceEntry entry = stretch.get(e);
            int from = 0;
            while (c < chosen.size() && chosen.get(c)[0] == e) {
                int to = chosen.get(c)[1];
                out.add(cut(entry, from, to, from == 0 ? entry.number() : null));
                from = to;
                c++;
            }
            out.add(from == 0 ? entry : cut(entry, from, entry.lines().size(), null));
        }
        return out;
    }

    private static Zone.ReferenceEntry cut(Zone.ReferenceEntry entry, int from, int to, @Nullable Integer number) {
        List<LayoutLine> lines = List.copyOf(entry.lines().subList(from, to));
        return new Zone.ReferenceEntry(number, false, EntryText.of(lines), lines);
    }

    /** The line holds a link: a URL, a DOI or a file on the web ("whqlibdoc.who.int/hq/2001/….pdf."). */
    private static boolean link(String line) {
        return line.contains("http")
                || line.contains("www.")
                || line.contains("doi")
                || line.contains(".pdf")
                || line.contains(".htm");
    }

    /** How likely {@code line} opens an entry after {@code before}; negative when it cannot. */
    private static int openingScore(String before, String line) {
        if (before.isEmpty() || line.isEmpty() || EntryText.trailingNote(line)) {
            return -1;
        }
        char last = before.charAt(before.length() - 1);
        if (!AuthorNames.opensLikeName(line) || last != '.' && last != ']' && last != ')') {
            return -1;
        }
        int score = 0;
        if (ZoneSegmenter.EntryBuilder.authorStart(line)) {
            score += 2;
        }
        int colon = line.indexOf(':');
        if (colon > 0
                && colon <= ORGANISATION_CHARS
                && Character.isLetter(line.charAt(colon - 1))
                && !line.startsWith("//", colon + 1)) {
            score += 2;
        }
        if (Character.isDigit(before.charAt(Math.max(0, before.length() - 2))) || before.indexOf(' ') < 0) {
            score++; // pages or a year end the line before, or it is the tail of a link
        }
        return score;
    }

    /** The highest number an entry of the stretch took from a number printed apart, or 0. */
    private static int highestApart(List<Zone.ReferenceEntry> stretch) {
        int highest = 0;
        for (Zone.ReferenceEntry e : stretch) {
            Integer n = e.number();
            if (n != null && n <= MAX_GAP_NUMBER) {
                highest = Math.max(highest, n);
            }
        }
        return highest;
    }

    /**
     * Every entry of the stretch is numbered apart or opens like a whole entry, and at least one does not already carry
     * its place's number.
     */
    private static boolean renumberable(List<Zone.ReferenceEntry> stretch, int before) {
        boolean changes = false;
        for (int i = 0; i < stretch.size(); i++) {
            Zone.ReferenceEntry e = stretch.get(i);
            if (e.number() == null && !AuthorNames.opensLikeName(e.entry())) {
                return false;
            }
            changes |= e.number() == null || e.number() != before + 1 + i;
        }
        return changes;
    }

    /**
     * A numbered list whose numbers of one run were printed apart from their entries, away from them: pdftotext put
     * BMC's "9." to "20." above the References heading and "21." to "37." as a block before the entries, so the
     * block's numbers went to the first seventeen entries and twelve entries were left without a number. When the
     * entries without a number that read as whole entries (opening with a capital, holding a year) are exactly as
     * many as the numbers missing from the list, they take part in the renumbering: with the entries just before
     * them that took the numbers right above the missing ones ("21." to "37."), in reading order, they take the
     * missing numbers and those, ascending (entries are printed in order; only the numbers were apart). Otherwise
     * they stay fragments. Linear.
     */
    private static Map<Zone.ReferenceEntry, Integer> gapNumbers(List<Zone.ReferenceEntry> entries, IssueLog log) {
        BitSet printed = new BitSet();
        BitSet unnumbered = new BitSet(); // indexes of the whole entries without a number
        for (int i = 0; i < entries.size(); i++) {
            Zone.ReferenceEntry e = entries.get(i);
            if (e.number() != null) {
                if (e.number() <= MAX_GAP_NUMBER) {
                    printed.set(e.number());
                }
            } else if (!e.entry().isEmpty()
                    && Character.isUpperCase(e.entry().charAt(0))
                    && ReferenceLabeller.hasYear(e.entry())) {
                unnumbered.set(i);
            }
        }
        int last = printed.length() - 1;
        int missing = last - printed.cardinality(); // numbers 1..last not printed
        if (unnumbered.isEmpty() || missing != unnumbered.cardinality()) {
            return Map.of();
        }
        int lowest = printed.nextClearBit(1);
        int highest = printed.previousClearBit(last);
        if (highest - lowest + 1 != missing) {
            return Map.of(); // more than one gap: no single run to shift
        }
        // the entries right before the first unnumbered one, numbered highest+1, highest+2, ... in reading order
        int first = unnumbered.nextSetBit(0);
        int from = first;
        Integer expected = null;
        for (int i = first - 1; i >= 0; i--) {
            Integer n = entries.get(i).number();
            if (n == null || expected != null && n != expected - 1 || expected == null && n <= highest) {
                break;
            }
            expected = n;
            from = i;
        }
        if (expected != null && expected != highest + 1) {
            from = first; // the run before does not start right above the gap
        }
        Map<Zone.ReferenceEntry, Integer> out = new IdentityHashMap<>();
        int next = lowest;
        for (int i = from; i < entries.size(); i++) {
            Zone.ReferenceEntry e = entries.get(i);
            if (i < first || unnumbered.get(i)) {
                out.put(e, next++);
            }
        }
        log.warning(
                ParseIssue.Code.MALFORMED_REFERENCE,
                unnumbered.cardinality() + " entries printed apart from their numbers were numbered " + lowest + "-"
                        + (next - 1) + " in reading order",
                entries.get(from).line());
        return out;
    }
}
