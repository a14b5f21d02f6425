package com.refractoryatlas.importer.extract;

import com.refractoryatlas.importer.extract.Tokens.Token;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Pattern rules that find conditions the vocabulary lacks: "treatment-refractory X", "refractory X", "drug-resistant
 * X", "rescue therapy for X", "X that has not responded to ...". The qualifiers and triggers are data files under
 * {@code /extract/patterns/}, the word lists under {@code /extract/words/} (see {@link WordLists}). Token-based with a
 * fixed look-ahead, so linear.
 */
final class Patterns {

    private static final int MAX_PHRASE_TOKENS = 4;
    /** Qualifiers before a condition ("treatment-refractory X"), as folded words, in file order. */
    static final List<String[]> QUALIFIERS = phrases("patterns/qualifiers");

    /** Triggers after a condition ("X that has not responded to"), as folded words, in file order. */
    static final List<String[]> BACKWARD = phrases("patterns/backward-triggers");

    private static final Map<String, List<String[]>> QUALIFIERS_BY_FIRST = byFirstWord(QUALIFIERS);
    private static final Map<String, List<String[]>> BACKWARD_BY_FIRST = byFirstWord(BACKWARD);

    private static final Set<String> FILLER = WordLists.load("filler");
    private static final Set<String> STOP = WordLists.load("stop-words");
    private static final Set<String> LEADING_ADJECTIVES = WordLists.load("leading-adjectives");
    private static final Set<String> GENERIC = WordLists.load("generic-heads");

    private static final Set<String> HEAD_ADJECTIVES = WordLists.load("head-adjectives");

    private Patterns() {}

    /** A phrase found by a rule, tokens [from, to), and the qualified phrase to keep as an alias. */
    record Found(int from, int to, String phrase, String rule) {}

    /** Each phrase of a list as the folded words {@link Tokens} makes of it, as the text's words are folded. */
    private static List<String[]> phrases(String path) {
        List<String[]> out = new ArrayList<>();
        for (String phrase : WordLists.phrases(path)) {
            String[] words = Tokens.of(phrase).stream().map(Token::norm).toArray(String[]::new);
            if (words.length == 0) {
                throw new IllegalStateException("a pattern phrase without words in " + path + ": " + phrase);
            }
            out.add(words);
        }
        return List.copyOf(out);
    }

    private static Map<String, List<String[]>> byFirstWord(List<String[]> phrases) {
        Map<String, List<String[]>> out = new HashMap<>();
        for (String[] phrase : phrases) {
            out.computeIfAbsent(phrase[0], k -> new ArrayList<>()).add(phrase);
        }
        return Map.copyOf(out);
    }

    /**
     * The rules' finds, left to right, without overlaps (an earlier find wins). One hash look-up per token picks the
     * phrases that may start there, and each find spans a bounded number of tokens, so the cost is linear.
     */
    static List<Found> conditions(List<Token> tokens, boolean[] covered) {
        List<Found> out = new ArrayList<>();
        boolean[] taken = new boolean[tokens.size()];
        for (int i = 0; i < tokens.size(); i++) {
            String norm = tokens.get(i).norm();
            String[] q = firstMatch(QUALIFIERS_BY_FIRST.get(norm), tokens, i);
            if (q != null) {
                keep(forward(tokens, covered, i, q), taken, out);
            }
            String[] b = firstMatch(BACKWARD_BY_FIRST.get(norm), tokens, i);
            if (b != null) {
                keep(backward(tokens, covered, i, b), taken, out);
            }
        }
        return out;
    }

    private static String @Nullable [] firstMatch(@Nullable List<String[]> candidates, List<Token> tokens, int at) {
        if (candidates == null) {
            return null;
        }
        for (String[] phrase : candidates) {
            if (matches(tokens, at, phrase)) {
                return phrase;
            }
        }
        return null;
    }

    /** Keeps a find that overlaps none kept before it (finds are non-empty token ranges). */
    private static void keep(@Nullable Found f, boolean[] taken, List<Found> out) {
        if (f == null) {
            return;
        }
        for (int i = f.from(); i < f.to(); i++) {
            if (taken[i]) {
                return;
            }
        }
        for (int i = f.from(); i < f.to(); i++) {
            taken[i] = true;
        }
        out.add(f);
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

    private static @Nullable Found forward(List<Token> tokens, boolean[] covered, int at, String[] qualifier) {
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

    private static @Nullable Found backward(List<Token> tokens, boolean[] covered, int at, String[] trigger) {
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
