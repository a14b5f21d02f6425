package com.refractoryatlas.importer.extract;

import com.refractoryatlas.importer.extract.Tokens.Token;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Pattern rules that find conditions the vocabulary lacks: "treatment-refractory X", "refractory X", "drug-resistant
 * X", "rescue therapy for X", "X that has not responded to ...". Token-based with a fixed look-ahead, so linear.
 */
final class Patterns {

    private static final int MAX_PHRASE_TOKENS = 4;
    private static final String[][] QUALIFIERS = {
        {"treatment", "refractory"},
        {"treatment", "resistant"},
        {"therapy", "resistant"},
        {"drug", "resistant"},
        {"drug", "refractory"},
        {"multidrug", "resistant"},
        {"pharmacoresistant"},
        {"refractory"},
        {"intractable"},
        {"difficult", "to", "treat"},
        {"rescue", "therapy", "for"},
        {"salvage", "therapy", "for"},
        {"rescue", "treatment", "for"},
        {"salvage", "treatment", "for"},
        {"rescue", "therapy", "in"},
        {"salvage", "therapy", "in"}
    };
    private static final String[][] BACKWARD = {
        {"not", "respond"}, {"not", "responded"}, {"hasnt", "responded"}, {"havent", "responded"},
        {"doesnt", "respond"}, {"dont", "respond"}, {"fail", "to", "respond"}, {"failed", "to", "respond"},
        {"unresponsive", "to"}, {"resistant", "to"}, {"refractory", "to"}
    };
    private static final Set<String> FILLER = WordLists.load("filler");
    private static final Set<String> STOP = WordLists.load("stop-words");
    private static final Set<String> LEADING_ADJECTIVES = WordLists.load("leading-adjectives");
    private static final Set<String> GENERIC = WordLists.load("generic-heads");

    private static final Set<String> HEAD_ADJECTIVES = WordLists.load("head-adjectives");

    private Patterns() {}

    /** A phrase found by a rule, tokens [from, to), and the qualified phrase to keep as an alias. */
    record Found(int from, int to, String phrase, String rule) {}

    static List<Found> conditions(List<Token> tokens, boolean[] covered) {
        List<Found> out = new ArrayList<>();
        for (int i = 0; i < tokens.size(); i++) {
            for (String[] q : QUALIFIERS) {
                if (matches(tokens, i, q)) {
                    Found f = forward(tokens, covered, i, q);
                    if (f != null) {
                        out.add(f);
                    }
                    break;
                }
            }
            for (String[] b : BACKWARD) {
                if (matches(tokens, i, b)) {
                    Found f = backward(tokens, covered, i, b);
                    if (f != null) {
                        out.add(f);
                    }
                    break;
                }
            }
        }
        return dedupe(out);
    }

    private static List<Found> dedupe(List<Found> found) {
        List<Found> out = new ArrayList<>();
        for (Found f : found) {
            boolean overlaps = out.stream().anyMatch(o -> f.from() < o.to() && o.from() < f.to());
            if (!overlaps) {
                out.add(f);
            }
        }
        return out;
    }

    private static boolean matches(List<Token> tokens, int at, String[] phrase) {
        if (at + phrase.length > tokens.size()) {
            return false;
        }
        for (int j = 0; j < phrase.length; j++) {
            if (j > 0 && tokens.get(at + j).gapBefore()
                    || !tokens.get(at + j).norm().equals(phrase[j])) {
                return false;
            }
        }
        return true;
    }

    private static Found forward(List<Token> tokens, boolean[] covered, int at, String[] qualifier) {
        int from = at + qualifier.length;
        int to = from;
        while (to < tokens.size() && to - from < MAX_PHRASE_TOKENS) {
            Token t = tokens.get(to);
            if (covered[to]) {
                return null;
            }
            if (t.gapBefore() || !word(t) || STOP.contains(t.norm())) {
                break;
            }
            to++;
        }
        while (from < to && LEADING_ADJECTIVES.contains(tokens.get(from).norm())) {
            from++;
        }
        if (!acceptable(tokens, from, to)) {
            return null;
        }
        return new Found(
                from,
                to,
                String.join(" ", qualifier) + " " + words(tokens, from, to),
                String.join(" ", qualifier) + " X");
    }

    private static Found backward(List<Token> tokens, boolean[] covered, int at, String[] trigger) {
        if (tokens.get(at).gapBefore()) {
            return null;
        }
        int end = at;
        while (end > 0
                && FILLER.contains(tokens.get(end - 1).norm())
                && !tokens.get(end).gapBefore()) {
            end--;
        }
        if (end < at && tokens.get(end).gapBefore()) {
            return null;
        }
        int from = end;
        while (from > 0 && end - from < MAX_PHRASE_TOKENS) {
            Token t = tokens.get(from - 1);
            if (covered[from - 1]) {
                return null;
            }
            if (!word(t) || STOP.contains(t.norm())) {
                break;
            }
            from--;
            if (t.gapBefore()) {
                break;
            }
        }
        while (from < end && LEADING_ADJECTIVES.contains(tokens.get(from).norm())) {
            from++;
        }
        if (!acceptable(tokens, from, end)) {
            return null;
        }
        String rule = "X that has not responded to";
        return new Found(from, end, words(tokens, from, end) + " " + String.join(" ", trigger), rule);
    }

    private static boolean acceptable(List<Token> tokens, int from, int to) {
        if (from >= to) {
            return false;
        }
        String head = tokens.get(to - 1).norm();
        if (HEAD_ADJECTIVES.contains(head) || head.length() < 3 || head.endsWith("ly")) {
            return false;
        }
        boolean properModifier = false;
        for (int i = from; i < to; i++) {
            Token t = tokens.get(i);
            if (!word(t) || i < to - 1 && GENERIC.contains(t.norm())) {
                return false;
            }
            properModifier |= i < to - 1 && Character.isUpperCase(t.text().charAt(0));
        }
        return !GENERIC.contains(head) || properModifier;
    }

    private static boolean word(Token t) {
        String s = t.text();
        if (s.length() < 2) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            if (!Character.isLetter(s.charAt(i)) && s.charAt(i) != '\'' && s.charAt(i) != '’') {
                return false;
            }
        }
        return true;
    }

    private static String words(List<Token> tokens, int from, int to) {
        StringBuilder out = new StringBuilder();
        for (int i = from; i < to; i++) {
            if (!out.isEmpty()) {
                out.append(' ');
            }
            out.append(tokens.get(i).text().toLowerCase(Locale.ROOT));
        }
        return out.toString();
    }

    /** The condition's display name: the words as printed, first letter upper-cased. */
    static String name(String sentence, List<Token> tokens, int from, int to) {
        String printed =
                sentence.substring(tokens.get(from).start(), tokens.get(to - 1).end());
        return Character.toUpperCase(printed.charAt(0)) + printed.substring(1);
    }
}
