package com.refractoryatlas.importer.parse;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Reference layouts that print each author's initials before the family name, which the Vancouver and APA readers
 * take apart wrongly (the first initials become a family name): two that put the year after the journal,
 * <ul>
 *   <li>Elsevier's numbered style: {@code B.M. Rosen, V. Percec, Single-electron transfer …, Chem. Rev. 109 (2009)
 *       5069–5119.} — authors, title, journal, volume, (year), pages, all after commas;
 *   <li>the RSC's (and the short ACS form's) list without titles: {@code B. M. Rosen and V. Percec, Chem. Rev., 2009,
 *       109, 5069–5119.}
 * </ul>
 * and, for any source, where such a list ends at the comma before the title ({@link #listEnd}: Science, PNAS).
 * Each gives a candidate only when its source matches at the entry's end and the entry opens with initials; the
 * labeller chooses among candidates by score. Every pattern is bounded and anchored at the end: linear in the entry.
 */
final class InitialsFirst {

    /** ", Chem. Rev. 109 (2009) 5069–5119." / ", J. Affect. Disord. 150 (3) (2013) 1–9." */
    private static final Pattern ELSEVIER_SOURCE = Pattern.compile(
            ", ([^,]{2,150}?) ([A-Za-z]?\\d{1,6}+[A-Za-z]?)"
                    + "(?: \\(([^()]{1,20}+)\\))? \\((\\d{4})\\)(?:,? ([A-Za-z]?\\d{1,8}+(?:[-–][A-Za-z]?\\d{1,8}+)?+))?+\\.?+$");
    /** ", Chem. Rev., 2009, 109, 5069–5119." */
    private static final Pattern RSC_SOURCE =
            Pattern.compile(", ([^,\\d]{2,100}?),? (\\d{4}), ([A-Za-z]?\\d{1,6}+[A-Za-z]?),"
                    + " ([A-Za-z]?\\d{1,8}+(?:[-–][A-Za-z]?\\d{1,8}+)?+)\\.?+$");
    /** "B.M. Rosen", "A. J. van der Berg", "K. Smith Jr.": initials, then a family name (with particles). */
    private static final Pattern INITIALS_FAMILY = Pattern.compile(
            "(?:\\p{Lu}\\.(?:\\s?+-?\\p{Lu}\\.)*+\\s?+)(?:\\p{Ll}{1,4}+\\s){0,3}+\\p{Lu}[\\p{L}'’-]{1,40}+"
                    + "(?:\\s\\p{Lu}[\\p{L}'’-]{1,40}+)?(?:,?\\s(?:Jr|Sr|II|III)\\.?+)?+");

    private InitialsFirst() {}

    /** The candidates this class can read from {@code text} (the DOI already cut out). */
    static List<ReferenceLabeller.Fields> candidates(String text, @Nullable String doi) {
        List<ReferenceLabeller.Fields> out = new ArrayList<>(2);
        if (text.isEmpty() || !Character.isUpperCase(text.charAt(0)) || text.length() < 2 || text.charAt(1) != '.') {
            return out;
        }
        Matcher elsevier = ELSEVIER_SOURCE.matcher(text);
        if (elsevier.find()) {
            ReferenceLabeller.Fields f = elsevier(text, elsevier, doi);
            if (f != null) {
                out.add(f);
            }
        }
        Matcher rsc = RSC_SOURCE.matcher(text);
        if (rsc.find()) {
            List<ParsedAuthor> authors = authors(text.substring(0, rsc.start()));
            if (authors != null) {
                out.add(new ReferenceLabeller.Fields(
                        authors,
                        null,
                        rsc.group(1).strip(),
                        rsc.group(3),
                        null,
                        Pages.normalize(rsc.group(4)),
                        Integer.valueOf(rsc.group(2)),
                        doi));
            }
        }
        return out;
    }

    private static ReferenceLabeller.@Nullable Fields elsevier(String text, Matcher source, @Nullable String doi) {
        String head = text.substring(0, source.start());
        String[] items = head.split(", ");
        List<ParsedAuthor> names = new ArrayList<>();
        ParsedAuthor name;
        while (names.size() < items.length - 1 && (name = initialsFirst(items[names.size()])) != null) {
            names.add(name);
        }
        int authors = names.size();
        if (authors == 0) {
            return null;
        }
        String title =
                ReferenceLabeller.cleanTitle(String.join(", ", List.of(items).subList(authors, items.length)));
        return new ReferenceLabeller.Fields(
                names,
                title,
                source.group(1).strip(),
                source.group(2),
                source.group(3),
                Pages.normalize(source.group(5)),
                Integer.valueOf(source.group(4)),
                doi);
    }

    /**
     * Where a list of names printed initials first ends at a comma and the title begins: Science's and PNAS-like
     * {@code T. Vos, A. Flaxman, M. Naghavi, Years lived with disability. Lancet 380, 2163–2196 (2012).} The index of
     * the comma after the last name (or after "et al."), or -1 (no name, or nothing after the names). The title
     * opens with a capital or a digit ("2009 updated method guidelines").
     */
    static int listEnd(String text) {
        if (text.length() < 2 || !Character.isUpperCase(text.charAt(0)) || text.charAt(1) != '.') {
            return -1;
        }
        int end = -1;
        int from = 0;
        while (from < text.length()) {
            int comma = text.indexOf(", ", from);
            if (comma < 0) {
                return -1; // names to the end: no title after them
            }
            String item = text.substring(from, comma);
            boolean etAl = item.equals("et al.") || item.equals("et al");
            if (!(etAl ? end > 0 : names(item))) {
                break;
            }
            end = comma;
            from = comma + 2;
            if (etAl) {
                break; // "T. Vos, et al., Years lived …" (PNAS): the list ends at its truncation mark
            }
        }
        boolean titleFollows = end > 0
                && from < text.length()
                && (Character.isUpperCase(text.charAt(from)) || Character.isDigit(text.charAt(from)));
        return titleFollows ? end : -1;
    }

    /** "T. Vos", "M. Naghavi and S. Thomas", "and S. Thomas": one item of a list of names printed initials first. */
    private static boolean names(String item) {
        String s = item.startsWith("and ") ? item.substring("and ".length()) : item;
        for (String name : s.split(" and ", -1)) {
            if (initialsFirst(name) == null) {
                return false;
            }
        }
        return true;
    }

    /** "B. M. Rosen and V. Percec", "J. Nicolas, Y. Guillaneuf and B. Charleux": every item initials first, or null. */
    private static @Nullable List<ParsedAuthor> authors(String head) {
        String list = head.replace(", and ", ", ").replace(" and ", ", ");
        List<ParsedAuthor> names = new ArrayList<>();
        for (String item : list.split(", ")) {
            if (item.strip().equals("et al.") || item.strip().equals("et al")) {
                continue;
            }
            ParsedAuthor name = initialsFirst(item);
            if (name == null) {
                return null;
            }
            names.add(name);
        }
        return names.isEmpty() ? null : names;
    }

    /** One author printed initials first ("B.M. Rosen", "A.J. van der Berg"), or null when the item is not one. */
    private static @Nullable ParsedAuthor initialsFirst(String item) {
        String name = item.strip();
        return INITIALS_FAMILY.matcher(name).matches() ? AuthorNames.givenFamily(name) : null;
    }
}
