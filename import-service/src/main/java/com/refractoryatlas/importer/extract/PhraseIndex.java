package com.refractoryatlas.importer.extract;

import com.refractoryatlas.importer.extract.Tokens.Token;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Finds the longest known phrase at each token position with one hash look-up per token: linear in the text.
 * Phrases written with inner capitals (abbreviations such as TRD, rTMS, IVIg) match only with that exact case.
 */
final class PhraseIndex<T> {

    /** A phrase and what it stands for. */
    record Phrase<T>(String[] tokens, boolean exactCase, T target, String alias) {}

    /** A phrase found in a token list, covering tokens [from, to). */
    record Hit<T>(T target, int from, int to, String alias) {}

    /** Phrases matched case-insensitively (by folded word), by their first word. */
    private final Map<String, List<Phrase<T>>> byFirstFolded = new HashMap<>();

    /** Abbreviations, matched with their case, by their first word as printed. */
    private final Map<String, List<Phrase<T>>> byFirstExact = new HashMap<>();

    void add(String alias, T target) {
        List<Token> tokens = Tokens.of(alias);
        if (tokens.isEmpty()) {
            return;
        }
        boolean exact = isAbbreviation(alias);
        String[] keys = new String[tokens.size()];
        for (int i = 0; i < keys.length; i++) {
            keys[i] = exact ? tokens.get(i).text() : tokens.get(i).norm();
        }
        Phrase<T> phrase = new Phrase<>(keys, exact, target, alias);
        (exact ? byFirstExact : byFirstFolded)
                .computeIfAbsent(keys[0], k -> new ArrayList<>())
                .add(phrase);
    }

    static boolean isAbbreviation(String alias) {
        if (alias.indexOf(' ') >= 0) {
            return false;
        }
        int upper = 0;
        for (int i = 0; i < alias.length(); i++) {
            if (Character.isUpperCase(alias.charAt(i))) {
                upper++;
                if (i > 0) {
                    return true;
                }
            }
        }
        return upper >= 2;
    }

    /** Longest non-overlapping hits, left to right. */
    List<Hit<T>> find(List<Token> tokens) {
        List<Hit<T>> out = new ArrayList<>();
        int i = 0;
        while (i < tokens.size()) {
            Hit<T> best = longestAt(tokens, i);
            if (best == null) {
                i++;
            } else {
                out.add(best);
                i = best.to();
            }
        }
        return out;
    }

    /** The longest phrase starting at a token: two hash look-ups (folded word, printed word), no allocation. */
    private @Nullable Hit<T> longestAt(List<Token> tokens, int at) {
        Token first = tokens.get(at);
        Phrase<T> best = longest(byFirstFolded.get(first.norm()), tokens, at, null);
        best = longest(byFirstExact.get(first.text()), tokens, at, best);
        return best == null ? null : new Hit<>(best.target(), at, at + best.tokens().length, best.alias());
    }

    /** The first longest of the candidates matching at a token, when longer than the best found so far. */
    private static <T> @Nullable Phrase<T> longest(
            @Nullable List<Phrase<T>> candidates, List<Token> tokens, int at, @Nullable Phrase<T> best) {
        if (candidates == null) {
            return best;
        }
        Phrase<T> out = best;
        for (Phrase<T> p : candidates) {
            int len = p.tokens().length;
            if (at + len > tokens.size() || out != null && out.tokens().length >= len) {
                continue;
            }
            if (matches(p, tokens, at)) {
                out = p;
            }
        }
        return out;
    }

    private static <T> boolean matches(Phrase<T> p, List<Token> tokens, int at) {
        for (int j = 0; j < p.tokens().length; j++) {
            Token t = tokens.get(at + j);
            if (j > 0 && t.gapBefore()) {
                return false;
            }
            String have = p.exactCase() ? t.text() : t.norm();
            if (!have.equals(p.tokens()[j])) {
                return false;
            }
        }
        return true;
    }
}
