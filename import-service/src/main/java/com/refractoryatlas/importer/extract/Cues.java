package com.refractoryatlas.importer.extract;

import com.refractoryatlas.importer.extract.Vocabulary.TherapyTerm;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Phrases that state a treatment's role or define refractoriness, read from the data files under {@code
 * /extract/cues/} (see {@link WordLists}); plain substring search, no regex. Every method takes the sentence already
 * lower-cased by {@link #lower}, so that one sentence is lower-cased once however many questions are asked of it,
 * and the searches around a mention are bounded by a window, so that a sentence costs linear time however many
 * mentions it has.
 */
final class Cues {

    /** Above this many condition × therapy combinations in one sentence, each therapy pairs with its nearest condition. */
    static final int MAX_CROSS_PAIRS = 4;

    /** How far (in characters) a role cue may sit from the therapy it qualifies. */
    private static final int CUE_WINDOW = 70;

    /** How far (in characters) before a therapy a failure cue ("despite") may end. */
    private static final int DESPITE_WINDOW = 45;

    /** A role and the phrases that state it, in the order of {@code role-cues.txt} (the first role found wins). */
    record RoleCues(TreatmentRole role, List<String> phrases) {}

    private static final String ROLE_SEPARATOR = "|";

    static final List<RoleCues> ROLE_CUES = roleCues(WordLists.entries("cues/role-cues"));
    static final List<String> FAILURE_CUES = WordLists.phrases("cues/failure-cues");
    static final List<String> CRITERIA_CUES = WordLists.phrases("cues/criteria-cues");
    static final List<String> RESISTANCE_CUES = WordLists.phrases("cues/resistance-cues");

    /** Words after a drug word that make it an adjective ("antidepressant effects"). */
    static final Set<String> ADJECTIVAL_FOLLOWERS = WordLists.load("adjectival-followers");

    private Cues() {}

    /** Reads {@code ROLE | phrase} lines, grouping phrases by role in the order roles first appear. */
    static List<RoleCues> roleCues(List<String> lines) {
        Map<TreatmentRole, List<String>> byRole = new LinkedHashMap<>();
        for (String line : lines) {
            int bar = line.indexOf(ROLE_SEPARATOR);
            if (bar < 0) {
                throw new IllegalStateException("a role cue is 'ROLE | phrase': " + line);
            }
            TreatmentRole role = TreatmentRole.valueOf(line.substring(0, bar).strip());
            String phrase = WordLists.phrase(line.substring(bar + 1).strip());
            byRole.computeIfAbsent(role, r -> new ArrayList<>()).add(phrase);
        }
        List<RoleCues> out = new ArrayList<>();
        byRole.forEach((role, phrases) -> out.add(new RoleCues(role, List.copyOf(phrases))));
        return List.copyOf(out);
    }

    /**
     * The sentence lower-cased character by character, so that offsets into it are offsets into the sentence (a
     * locale's lower case may change a string's length); the sentence itself when it is already lower case.
     */
    static String lower(String sentence) {
        String lower = sentence.toLowerCase(Locale.ROOT);
        if (lower.length() == sentence.length()) {
            return lower;
        }
        char[] chars = sentence.toCharArray();
        for (int i = 0; i < chars.length; i++) {
            chars[i] = Character.toLowerCase(chars[i]);
        }
        return new String(chars);
    }

    /** True when the (lower-cased) sentence talks about why treatment fails (mechanism triggers count only there). */
    static boolean aboutResistance(String lower) {
        return containsAny(lower, RESISTANCE_CUES);
    }

    /** True for a (lower-cased) sentence that states when a condition counts as refractory. */
    static boolean definesRefractoriness(String lower) {
        return containsAny(lower, CRITERIA_CUES);
    }

    private static boolean containsAny(String lower, List<String> cues) {
        for (String cue : cues) {
            if (lower.contains(cue)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The strongest role stated near the therapy mention at [start, end) of the lower-cased sentence: a failure cue
     * ending at most {@value #DESPITE_WINDOW} characters before it ("despite <therapy>": the standard treatment that
     * failed), else a role cue within {@value #CUE_WINDOW} characters of it; UNSPECIFIED when none. A mention that
     * spans the whole sentence asks for the role the sentence states anywhere. Each search is confined to the window
     * it may match in.
     */
    static TreatmentRole role(String lower, int start, int end) {
        int length = lower.length();
        for (String failure : FAILURE_CUES) {
            int from = Math.max(0, start - DESPITE_WINDOW - failure.length());
            int to = Math.min(length, start + failure.length());
            int at = from < to ? lower.indexOf(failure, from, to) : -1;
            if (at >= 0 && at <= start) {
                return TreatmentRole.STANDARD;
            }
        }
        for (RoleCues cues : ROLE_CUES) {
            if (cues.role() == TreatmentRole.SURGICAL) {
                continue; // decided by the therapy's kind, see defaultRole
            }
            for (String cue : cues.phrases()) {
                int from = Math.max(0, start - CUE_WINDOW - cue.length());
                int to = Math.min(length, Math.max(start, end) + CUE_WINDOW + cue.length());
                if (from < to && lower.indexOf(cue, from, to) >= 0) {
                    return cues.role();
                }
            }
        }
        return TreatmentRole.UNSPECIFIED;
    }

    /** The role a therapy's own nature states when the sentence states none. */
    static TreatmentRole defaultRole(TherapyTerm therapy) {
        String name = therapy.name().toLowerCase(Locale.ROOT);
        if (therapy.kind() == TherapyKind.PROCEDURE && (name.contains("surg") || name.contains("ectomy"))) {
            return TreatmentRole.SURGICAL;
        }
        if (therapy.kind() == TherapyKind.SUPPORTIVE) {
            return TreatmentRole.SUPPORTIVE;
        }
        if (name.contains("augmentation")) {
            return TreatmentRole.AUGMENTATION;
        }
        return TreatmentRole.UNSPECIFIED;
    }
}
