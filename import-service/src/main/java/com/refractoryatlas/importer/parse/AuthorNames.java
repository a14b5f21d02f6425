package com.refractoryatlas.importer.parse;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Splits a printed author list into family, given and suffix, whatever the order: "Family, Given, Family, Given"
 * (with initials and suffixes such as "Zarate, Carlos A. Jr."), "Given Family, Given Family" (with particles such
 * as "Joanneke A van der Wee"), Vancouver "Family GI" and semicolon-separated "Family, Given; ...". Token-based,
 * no regular expressions.
 */
final class AuthorNames {

    private static final Set<String> PARTICLES = WordList.load("name-particles");
    private static final Set<String> SUFFIXES = WordList.load("name-suffixes");
    private static final int MAX_VANCOUVER_INITIALS = 4;
    private static final int MAX_FAMILY_TOKENS = 4;

    private AuthorNames() {}

    /**
     * Parses a list; an empty or unreadable list gives an empty result. A group closing the list of people ("…,
     * Ravaud P, for the CONSORT Group", "…; the SAVIOR-R investigators", "…, Hare R, Midlands Research Practices
     * Consortium") is its last author, named without "for the" or "on behalf of" (as JATS's {@code <collab>}).
     */
    static List<ParsedAuthor> parse(String printed) {
        ParsedAuthor body = corporate(printed);
        if (body != null) {
            return List.of(body);
        }
        String cleaned = Markup.clean(printed);
        int cut = groupCut(cleaned);
        if (cut > 0) {
            String rest = cleaned.substring(cut + 1);
            ParsedAuthor parts = group(rest); // null when the parts are together too long for one body's name
            ParsedAuthor group = parts != null ? parts : new ParsedAuthor(stripEnd(rest.strip(), ".,;: "), null, null);
            List<ParsedAuthor> people = people(cleaned.substring(0, cut));
            if (!people.isEmpty()) {
                List<ParsedAuthor> out = new ArrayList<>(people);
                out.add(group);
                return out;
            }
        }
        return people(printed);
    }

    /**
     * The separator (a comma or semicolon) before the group closing the cleaned list, or -1 (no such group). A group
     * printed in parts ("…, van Tulder M, Editorial Board, Cochrane Back Review Group") is one group.
     */
    private static int groupCut(String cleaned) {
        int cut = -1;
        int end = cleaned.length();
        while (end > 0) {
            int sep = Math.max(cleaned.lastIndexOf(',', end - 1), cleaned.lastIndexOf(';', end - 1));
            if (sep <= 0 || group(cleaned.substring(sep + 1, end)) == null) {
                break;
            }
            cut = sep;
            end = sep;
        }
        return cut;
    }

    /**
     * "for the CONSORT Group", "on behalf of the ACT NoW Study", "the SAVIOR-R investigators", "Midlands Research
     * Practices Consortium (MidReC)": a group an author list closes with, or null. Without "for" or "on behalf of" it
     * names itself with a group's word ({@code author-group-words.txt}), so an affiliation ("Karolinska Institute")
     * is none.
     */
    private static @Nullable ParsedAuthor group(String item) {
        String s = stripEnd(item.strip(), ".,;: ");
        String lower = s.toLowerCase(Locale.ROOT);
        for (String lead : GROUP_LEADS) {
            if (lower.startsWith(lead) && s.length() > lead.length()) {
                String name = s.substring(lead.length()).strip();
                return name.isEmpty() ? null : new ParsedAuthor(name, null, null);
            }
        }
        boolean groupWord = false;
        for (String w : words(lower)) {
            groupWord |= GROUP_WORDS.contains(stripEnd(w, ".,;:()"));
        }
        if (!groupWord) {
            return null;
        }
        return corporate(lower.startsWith("the ") ? s.substring("the ".length()) : s);
    }

    /** How a list names the group it writes for: "for the CONSORT Group", "on behalf of the … Study". */
    private static final List<String> GROUP_LEADS = List.of("on behalf of the ", "on behalf of ", "for the ");

    private static final Set<String> GROUP_WORDS = WordList.load("author-group-words");

    private static List<ParsedAuthor> people(String printed) {
        String list = prepare(printed);
        if (list.isEmpty()) {
            return List.of();
        }
        if (list.indexOf(';') >= 0) {
            return semicolonList(list);
        }
        List<String> items = mergeSuffixes(split(list, ','));
        if (items.isEmpty()) {
            return List.of();
        }
        if (items.stream().allMatch(AuthorNames::isVancouver)) {
            return items.stream().map(AuthorNames::vancouver).toList();
        }
        if (chicago(items)) {
            List<ParsedAuthor> out = new ArrayList<>();
            out.add(new ParsedAuthor(items.get(0).strip(), items.get(1).strip(), null));
            items.subList(2, items.size()).forEach(item -> out.add(givenFamily(item)));
            return out;
        }
        boolean familyGiven = familyGivenPlausible(items);
        boolean givenFamily = givenFamilyPlausible(items);
        if (familyGiven && (!givenFamily || preferFamilyGiven(items))) {
            return pairs(items);
        }
        if (givenFamily || !familyGiven && items.size() % 2 != 0 && items.size() > 1) {
            return items.stream().map(AuthorNames::givenFamily).toList();
        }
        return pairs(items);
    }

    /**
     * One person printed "Family, Given" or "Family, Given, Suffix", as reference managers write one name per tag
     * line ("van der Berg, Anna Maria", "Smith, John, Jr."): split at the first comma only, so that given names of
     * several words stay one person's.
     */
    static ParsedAuthor familyGiven(String name) {
        String s = StructuredFields.collapse(name);
        int comma = s.indexOf(',');
        if (comma < 0) {
            return new ParsedAuthor(s, null, null);
        }
        String family = s.substring(0, comma).strip();
        String given = s.substring(comma + 1).strip();
        String suffix = null;
        int last = given.lastIndexOf(',');
        if (last >= 0 && isSuffix(given.substring(last + 1).strip())) {
            suffix = given.substring(last + 1).strip();
            given = given.substring(0, last).strip();
        }
        return new ParsedAuthor(family, given.isEmpty() ? null : given, suffix);
    }

    private static final Set<String> ORGANIZATION_WORDS = WordList.load("organization-words");
    private static final int MAX_CORPORATE_WORDS = 16;

    /**
     * "World Health Organization", "National Center for Epidemiology, Ministry of Public Health": an author that is a
     * body, kept whole as its family name (as JATS's {@code <collab>}), not split into "Organization, World Health";
     * null when the text names people (it has an initial) or no organization word.
     */
    static @Nullable ParsedAuthor corporate(String printed) {
        String s = stripEnd(Markup.clean(printed).strip(), ".,;: ");
        String[] words = words(s);
        if (s.isEmpty() || words.length > MAX_CORPORATE_WORDS || !Character.isUpperCase(s.charAt(0))) {
            return null;
        }
        boolean organization = false;
        for (int i = 0; i < words.length; i++) {
            String bare = stripEnd(words[i], ".,;:");
            // "R Core Team", "R Development Core Team": a one-letter name opening a body of three words or more
            boolean letterName = i == 0 && bare.length() == 1 && words.length >= 3;
            if (bare.isEmpty()
                    || !letterName && (isInitial(bare) || isInitial(bare + ".") || vancouverInitials(bare))) {
                return null;
            }
            organization |= !letterName && ORGANIZATION_WORDS.contains(bare.toLowerCase(Locale.ROOT));
        }
        return organization ? new ParsedAuthor(s, null, null) : null;
    }

    /** {@link #prepare}: an entry's readings and their scores ask for the same author list in turn. */
    private static final LastResult<String> PREPARED = new LastResult<>(AuthorNames::prepareOnce);

    private static String prepare(String printed) {
        return PREPARED.of(printed);
    }

    /** ", other authors", ", others": the truncation marks "& other authors" and "and others" once prepared. */
    private static final List<String> OTHER_AUTHORS = List.of(", other authors", ", others");

    private static String prepareOnce(String printed) {
        String s = Markup.clean(printed)
                .replace(" and ", ", ")
                .replace(" & ", ", ")
                .replace(" AND ", ", ")
                .replace(",,", ",");
        s = removeEtAl(s);
        s = stripEnd(s, ",;: ");
        if (s.endsWith(".")) {
            String last = lastToken(s);
            if (!isInitial(last) && !isSuffix(last)) {
                s = stripEnd(s, ".,;: ");
            }
        }
        if (s.endsWith(" Jr") || s.endsWith(" Sr")) {
            s = s + ".";
        }
        return s;
    }

    /**
     * The list without its truncation mark and what follows: "et al.", and "& other authors" or "and others" (the
     * Microbiology Society's journals list ten authors and then "& other authors"), which {@link #prepareOnce} has
     * turned into ", other authors" and ", others".
     */
    private static String removeEtAl(String s) {
        String lower = s.toLowerCase(Locale.ROOT);
        int at = lower.indexOf("et al");
        for (String mark : OTHER_AUTHORS) {
            int other = lower.indexOf(mark);
            int end = other + mark.length();
            boolean word = other >= 0 && (end == lower.length() || !Character.isLetter(lower.charAt(end)));
            if (word && (at < 0 || other < at)) { // ", Otherson J" is a name
                at = other;
            }
        }
        if (at < 0) {
            return s;
        }
        return s.substring(0, at);
    }

    private static List<ParsedAuthor> semicolonList(String list) {
        List<ParsedAuthor> out = new ArrayList<>();
        for (String item : split(list, ';')) {
            List<String> parts = mergeSuffixes(split(item, ','));
            if (parts.size() >= 2) {
                out.add(familyGiven(parts.get(0), String.join(" ", parts.subList(1, parts.size()))));
            } else if (isVancouver(item)) {
                out.add(vancouver(item));
            } else {
                out.add(givenFamily(item));
            }
        }
        return out;
    }

    private static List<String> split(String s, char separator) {
        List<String> out = new ArrayList<>();
        for (String part : s.split(String.valueOf(separator), -1)) {
            String p = part.strip();
            if (!p.isEmpty()) {
                out.add(p);
            }
        }
        return out;
    }

    private static List<String> mergeSuffixes(List<String> items) {
        List<String> out = new ArrayList<>();
        for (String item : items) {
            if (isSuffix(item) && !out.isEmpty()) {
                out.set(out.size() - 1, out.get(out.size() - 1) + " " + item);
            } else {
                out.add(item);
            }
        }
        return out;
    }

    /** "Jr.", "III": but "JR" and "SR" in capitals are a Vancouver author's initials (Speakman JR). */
    private static boolean isSuffix(String token) {
        if (token.equals("JR") || token.equals("SR")) {
            return false;
        }
        return SUFFIXES.contains(token.toLowerCase(Locale.ROOT));
    }

    static boolean isParticle(String token) {
        return PARTICLES.contains(token.toLowerCase(Locale.ROOT));
    }

    /**
     * The text opens as a name does: with a capital, or with a family name's particle in lower case ("van Santen DK",
     * "de Mutsert R"); a fragment of an entry cut by a line or page break opens in lower case.
     */
    static boolean opensLikeName(String text) {
        if (text.isEmpty()) {
            return false;
        }
        int space = text.indexOf(' ');
        return Character.isUpperCase(text.charAt(0)) || space > 0 && isParticle(text.substring(0, space));
    }

    /** "A.", "A", "J.-P.", "A.B." */
    static boolean isInitial(String token) {
        if (token.isEmpty() || token.length() > 6) {
            return false;
        }
        boolean letterSeen = false;
        for (int i = 0; i < token.length(); i++) {
            char c = token.charAt(i);
            if (Character.isUpperCase(c)) {
                if (letterSeen && token.charAt(i - 1) != '.' && token.charAt(i - 1) != '-') {
                    return false;
                }
                letterSeen = true;
            } else if (c != '.' && c != '-') {
                return false;
            }
        }
        return letterSeen;
    }

    private static String[] tokens(String item) {
        return words(item.strip());
    }

    /** {@code s.split(" +")} without a regex: the parts between runs of spaces, trailing empty parts dropped. */
    private static String[] words(String s) {
        int space = s.indexOf(' ');
        if (space < 0) {
            return new String[] {s};
        }
        List<String> out = new ArrayList<>();
        int start = 0;
        while (space >= 0) {
            out.add(s.substring(start, space));
            start = space + 1;
            while (start < s.length() && s.charAt(start) == ' ') {
                start++;
            }
            space = s.indexOf(' ', start);
        }
        out.add(s.substring(start));
        int size = out.size();
        while (size > 0 && out.get(size - 1).isEmpty()) {
            size--;
        }
        return out.subList(0, size).toArray(String[]::new);
    }

    /**
     * Chicago's author-date list: the first author inverted, the others given name first, with initials ("Abou-Donia,
     * MB, AM Dechkovskaia, LB Goldstein, and W. Khan", "Abramson, D., R. M. Clear, and E. M. Smith").
     */
    private static boolean chicago(List<String> items) {
        if (items.size() < 3 || !onlyInitials(items.get(1))) {
            return false;
        }
        String[] first = words(items.get(0).strip());
        if (first.length == 0 || first.length > MAX_FAMILY_TOKENS || onlyInitials(items.get(0))) {
            return false;
        }
        for (String item : items.subList(2, items.size())) {
            String[] t = words(item.strip());
            if (t.length < 2 || !onlyInitials(String.join(" ", Arrays.copyOf(t, t.length - 1)))) {
                return false;
            }
            String family = t[t.length - 1];
            if (!Character.isUpperCase(family.charAt(0)) || onlyInitials(family)) {
                return false;
            }
        }
        return true;
    }

    /** "MB", "R. M.", "J.-P.": initials only, dotted or not. */
    private static boolean onlyInitials(String text) {
        String[] t = words(text.strip());
        if (t.length == 0) {
            return false;
        }
        for (String token : t) {
            if (!isInitial(token) && !vancouverInitials(token)) {
                return false;
            }
        }
        return true;
    }

    private static boolean isVancouver(String item) {
        String[] t = withoutSuffix(tokens(item));
        if (t.length < 2) {
            return false;
        }
        String last = withoutInitialHyphens(t[t.length - 1]);
        if (last.endsWith(".") && last.length() > 1 && allUpper(last.substring(0, last.length() - 1))) {
            last = last.substring(0, last.length() - 1);
        }
        if (last.length() > MAX_VANCOUVER_INITIALS || !allUpper(last)) {
            return false;
        }
        return Character.isUpperCase(t[0].charAt(0)) || isParticle(t[0]);
    }

    /** "AN", "MG,", "JR": a Vancouver author's initials, capitals only (so "AN" is not the article "an"). */
    private static boolean vancouverInitials(String token) {
        String t = withoutInitialHyphens(token.endsWith(",") ? token.substring(0, token.length() - 1) : token);
        return !t.isEmpty() && t.length() <= MAX_VANCOUVER_INITIALS && allUpper(t);
    }

    /**
     * Initials of a hyphenated given name without their hyphens ("A-M" of Nguyen A-M, "J-P"): a hyphen between two
     * capitals goes; any other token comes back as it is.
     */
    private static String withoutInitialHyphens(String token) {
        if (token.indexOf('-') < 0) {
            return token;
        }
        StringBuilder out = new StringBuilder(token.length());
        for (int i = 0; i < token.length(); i++) {
            char c = token.charAt(i);
            if (c == '-') {
                if (i == 0
                        || i + 1 == token.length()
                        || !Character.isUpperCase(token.charAt(i - 1))
                        || !Character.isUpperCase(token.charAt(i + 1))) {
                    return token;
                }
                continue;
            }
            out.append(c);
        }
        return out.toString();
    }

    private static boolean allUpper(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (!Character.isUpperCase(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /** The tokens without a suffix last ("Smith JR Jr") or before Vancouver initials ("Bass 3rd PF"). */
    private static String[] withoutSuffix(String[] t) {
        int at = suffixAt(t);
        if (at < 0) {
            return t;
        }
        String[] out = new String[t.length - 1];
        System.arraycopy(t, 0, out, 0, at);
        System.arraycopy(t, at + 1, out, at, t.length - at - 1);
        return out;
    }

    private static @Nullable String suffixOf(String[] t) {
        int at = suffixAt(t);
        return at < 0 ? null : t[at];
    }

    private static int suffixAt(String[] t) {
        if (t.length > 1 && isSuffix(t[t.length - 1])) {
            return t.length - 1;
        }
        if (t.length > 2 && isSuffix(t[t.length - 2]) && vancouverInitials(t[t.length - 1])) {
            return t.length - 2;
        }
        return -1;
    }

    private static ParsedAuthor vancouver(String item) {
        String[] all = tokens(item);
        String[] t = withoutSuffix(all);
        int end = t.length - 1;
        // "Wicherts J M": initials printed apart, one capital each, belong together
        StringBuilder spaced = new StringBuilder();
        while (end > 1 && t[end - 1].length() == 1 && Character.isUpperCase(t[end - 1].charAt(0))) {
            spaced.insert(0, t[end - 1]);
            end--;
        }
        String family = String.join(" ", Arrays.copyOf(t, end));
        String initials = spaced + t[t.length - 1];
        if (initials.endsWith(".") && initials.indexOf('.') == initials.length() - 1 && initials.length() > 2) {
            initials = initials.substring(0, initials.length() - 1);
        }
        return new ParsedAuthor(family, initials, suffixOf(all));
    }

    private static boolean familyGivenPlausible(List<String> items) {
        if (items.size() % 2 != 0) {
            return false;
        }
        for (int i = 0; i < items.size(); i += 2) {
            String[] family = tokens(items.get(i));
            if (family.length > MAX_FAMILY_TOKENS || Arrays.stream(family).anyMatch(AuthorNames::isInitial)) {
                return false;
            }
            if (family.length > 1 && !isParticle(family[0])) {
                return false;
            }
        }
        return true;
    }

    private static boolean givenFamilyPlausible(List<String> items) {
        for (String item : items) {
            String[] t = withoutSuffix(tokens(item));
            if (t.length < 2 || isInitial(t[t.length - 1]) || isParticle(t[0]) && t.length == 2) {
                return false;
            }
        }
        return true;
    }

    /** Both orders fit: decide by where particles and initials sit. */
    private static boolean preferFamilyGiven(List<String> items) {
        int familyGivenEvidence = 0;
        int givenFamilyEvidence = 0;
        for (int i = 0; i < items.size(); i++) {
            String[] t = withoutSuffix(tokens(items.get(i)));
            boolean particleFirst = isParticle(t[0]);
            boolean particleInside = false;
            for (int k = 1; k < t.length - 1; k++) {
                particleInside |= isParticle(t[k]);
            }
            if (i % 2 == 0 && particleFirst) {
                familyGivenEvidence++;
            }
            if (particleInside) {
                givenFamilyEvidence++;
            }
            if (i % 2 == 1 && isInitial(t[t.length - 1])) {
                familyGivenEvidence++;
            }
        }
        return familyGivenEvidence > givenFamilyEvidence;
    }

    private static List<ParsedAuthor> pairs(List<String> items) {
        List<ParsedAuthor> out = new ArrayList<>();
        for (int i = 0; i < items.size(); i += 2) {
            String given = i + 1 < items.size() ? items.get(i + 1) : null;
            out.add(familyGiven(items.get(i), given));
        }
        return out;
    }

    private static ParsedAuthor familyGiven(String family, @Nullable String given) {
        if (given == null) {
            return new ParsedAuthor(family.strip(), null, null);
        }
        String[] all = tokens(given);
        String[] t = withoutSuffix(all);
        String suffix = suffixOf(all);
        String givenText = String.join(" ", t).strip();
        return new ParsedAuthor(family.strip(), givenText.isEmpty() ? null : givenText, suffix);
    }

    /** "Joanneke A van der Wee" → family "van der Wee", given "Joanneke A". */
    static ParsedAuthor givenFamily(String item) {
        String[] all = tokens(item);
        String[] t = withoutSuffix(all);
        String suffix = suffixOf(all);
        if (t.length == 1) {
            return new ParsedAuthor(t[0], null, suffix);
        }
        int familyStart = t.length - 1;
        while (familyStart > 1 && isParticle(t[familyStart - 1])) {
            familyStart--;
        }
        String given = String.join(" ", Arrays.copyOf(t, familyStart));
        String family = String.join(" ", Arrays.copyOfRange(t, familyStart, t.length));
        return new ParsedAuthor(family, given, suffix);
    }

    private static String stripEnd(String s, String chars) {
        int end = s.length();
        while (end > 0 && chars.indexOf(s.charAt(end - 1)) >= 0) {
            end--;
        }
        return s.substring(0, end);
    }

    /** True when a line reads like a list of personal names (a byline), not prose or an address. */
    static boolean looksLikeNameList(String line) {
        String cleaned = Markup.clean(line);
        int cut = groupCut(cleaned);
        String s = prepare(cut > 0 ? cleaned.substring(0, cut) : line);
        if (s.isEmpty() || s.length() > BYLINE_MAX) {
            return false;
        }
        char separator = s.indexOf(';') >= 0 ? ';' : ',';
        for (int start = 0; start <= s.length(); ) {
            int end = s.indexOf(separator, start);
            end = end < 0 ? s.length() : end;
            if (!names(s.substring(start, end))) {
                return false;
            }
            start = end + 1;
        }
        return true;
    }

    /**
     * An item of a byline: at most {@value #NAME_MAX_TOKENS} words, each a name's. The words are looked at one by
     * one, so that a line of prose is turned down at its first word rather than cut into all of them.
     */
    private static boolean names(String item) {
        String s = item.strip();
        int count = 0;
        for (int start = 0; start < s.length(); ) {
            int end = s.indexOf(' ', start);
            end = end < 0 ? s.length() : end;
            if (++count > NAME_MAX_TOKENS || !nameToken(s.substring(start, end))) {
                return false;
            }
            start = end + 1;
            while (start < s.length() && s.charAt(start) == ' ') {
                start++;
            }
        }
        return true;
    }

    /** The last of {@link #tokens}. */
    private static String lastToken(String item) {
        String s = item.strip();
        return s.substring(s.lastIndexOf(' ') + 1);
    }

    private static final int BYLINE_MAX = 600;
    private static final int NAME_MAX_TOKENS = 6;
    private static final Set<String> NOT_NAMES = WordList.load("not-names");

    private static boolean nameToken(String token) {
        if (isInitial(token) || isInitial(token + ".") || vancouverInitials(token)) {
            return true;
        }
        if (NOT_NAMES.contains(token.toLowerCase(Locale.ROOT))) {
            return false;
        }
        if (isSuffix(token)) {
            return true; // "Bass 3rd PF"
        }
        char first = token.charAt(0);
        if (!Character.isLetter(first)) {
            return false;
        }
        return Character.isUpperCase(first) || isParticle(token);
    }
}
