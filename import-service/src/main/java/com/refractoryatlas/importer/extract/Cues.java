package com.refractoryatlas.importer.extract;

import com.refractoryatlas.importer.extract.Vocabulary.TherapyTerm;
import java.util.Locale;

/** Phrases that state a treatment's role or define refractoriness; plain substring search, no regex. */
final class Cues {

    /** Above this many condition × therapy combinations in one sentence, each therapy pairs with its nearest condition. */
    static final int MAX_CROSS_PAIRS = 4;

    private static final String[][] ROLE_CUES = {
        {"gold standard", "gold-standard"},
        {"salvage"},
        {"rescue", "last-resort", "last resort", "last-ditch"},
        {"augmentation", "augment ", "add-on", "adjunctive"},
        {"surgical", "surgery", "surgeries"},
        {"supportive care", "palliative"},
        {"emerging", "novel ", "promising", "experimental", "investigational", "innovative", "cutting-edge"},
        {"first-line", "standard of care", "mainstay", "established treatment", "established therap"},
    };
    private static final TreatmentRole[] ROLES = {
        TreatmentRole.GOLD_STANDARD,
        TreatmentRole.SALVAGE,
        TreatmentRole.RESCUE,
        TreatmentRole.AUGMENTATION,
        TreatmentRole.SURGICAL,
        TreatmentRole.SUPPORTIVE,
        TreatmentRole.EMERGING,
        TreatmentRole.STANDARD,
    };
    private static final String[] CRITERIA_CUES = {
        "defined as",
        "defined by",
        "is diagnosed when",
        "diagnosed when",
        "two or more",
        "at least two",
        "at least 2",
        "two previous lines",
        "two prior lines",
        "adequate trials",
        "adequate trial of",
        "lines of treatment",
        "lines of therapy",
        "failure of two",
        "failure to respond to two",
        "criteria for"
    };

    /** Words after a drug word that make it an adjective ("antidepressant effects"). */
    static final java.util.Set<String> ADJECTIVAL_FOLLOWERS =
            java.util.Set.of("effect", "property", "activity", "action", "potential", "response", "mechanism");

    private static final String[] RESISTANCE_CUES = {
        "resistance",
        "resist ",
        "resists",
        "treatment failure",
        "ineffective",
        "evade",
        "shield",
        "workaround",
        "no longer",
        "expel",
        "refractoriness",
        "inactivation",
        "refractory",
        "fail"
    };

    private Cues() {}

    /** True when the sentence talks about why treatment fails (mechanism triggers count only there). */
    static boolean aboutResistance(String sentence) {
        String lower = sentence.toLowerCase(Locale.ROOT);
        for (String cue : RESISTANCE_CUES) {
            if (lower.contains(cue)) {
                return true;
            }
        }
        return false;
    }

    /** How far (in characters) a role cue may sit from the therapy it qualifies. */
    private static final int CUE_WINDOW = 70;

    private static final int DESPITE_WINDOW = 45;

    /** Phrases before a therapy that make it the standard treatment that failed ("despite adequate trials of X"). */
    private static final String[] FAILURE_CUES = {
        "despite",
        "respond to",
        "responded to",
        "unresponsive to",
        "resistant to",
        "refractory to",
        "failure of",
        "failed",
        "resists",
        "respond adequately to",
        "responded adequately to"
    };

    /**
     * The strongest role stated near the therapy mention at [start, end) of the sentence: a cue within a few words,
     * or "despite <therapy>" (the standard treatment that failed); UNSPECIFIED when none.
     */
    /** How far around a mention role and failure cues are looked for (both windows and the longest cue). */
    private static final int ROLE_WINDOW = Math.max(DESPITE_WINDOW, CUE_WINDOW) + 64;

    static TreatmentRole role(String sentence, int mentionStart, int mentionEnd) {
        // only a window around the mention can hold its cue: the cost per mention is bounded, not the sentence length
        int from = Math.max(0, mentionStart - ROLE_WINDOW);
        int to = Math.min(sentence.length(), Math.max(mentionEnd, mentionStart) + ROLE_WINDOW);
        if (mentionStart == 0 && mentionEnd == sentence.length()) {
            from = 0;
            to = sentence.length();
        }
        String lower = sentence.substring(from, to).toLowerCase(Locale.ROOT);
        int start = mentionStart - from;
        int end = mentionEnd - from;
        for (String failure : FAILURE_CUES) {
            int at = lower.lastIndexOf(failure, start);
            if (at >= 0 && start - at - failure.length() <= DESPITE_WINDOW) {
                return TreatmentRole.STANDARD;
            }
        }
        for (int r = 0; r < ROLE_CUES.length; r++) {
            if (ROLES[r] == TreatmentRole.SURGICAL) {
                continue; // decided by the therapy's kind, see defaultRole
            }
            for (String cue : ROLE_CUES[r]) {
                int at = lower.indexOf(cue);
                while (at >= 0) {
                    int distance = at >= end ? at - end : at + cue.length() <= start ? start - at - cue.length() : 0;
                    if (distance <= CUE_WINDOW) {
                        return ROLES[r];
                    }
                    at = lower.indexOf(cue, at + 1);
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

    /** True for a sentence that states when a condition counts as refractory. */
    static boolean definesRefractoriness(String sentence) {
        String lower = sentence.toLowerCase(Locale.ROOT);
        for (String cue : CRITERIA_CUES) {
            if (lower.contains(cue)) {
                return true;
            }
        }
        return false;
    }
}
