package com.refractoryatlas.importer.extract;

import com.refractoryatlas.importer.extract.Tokens.Token;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds the longest known phrase at each token position with one hash look-up per token: linear in the text.
 * Phrases written with inner capitals (abbreviations such as TRD, rTMS, IVIg) match only with that exact case.
 */
final class PhraseIndex<T> {

    /** A phrase and what it stands for. */
    record Phrase<T>(String[] tokens, boolean exactCase, T target, String alias) {}

    /** A phrase found in a token list, covering tokens [from, to). */
    record Hit<T>(T target, int from, int to, String alias) {}

    private final Map<String, List<Phrase<T>>> byFirst = new HashMap<>();

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
        byFirst.computeIfAbsent(key(exact, keys[0]), k -> new ArrayList<>()).add(phrase);
    }

    private static String key(boolean exact, String first) {
        return (exact ? "s:" : "i:") + first;
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

    private Hit<T> longestAt(List<Token> tokens, int at) {
        Hit<T> best = null;
        for (String k : new String[] {
            key(false, tokens.get(at).norm()), key(true, tokens.get(at).text())
        }) {
            List<Phrase<T>> candidates = byFirst.get(k);
            if (candidates == null) {
                continue;
            }
            for (Phrase<T> p : candidates) {
                int len = p.tokens().length;
                if (at + len > tokens.size() || best != null && best.to() - best.from() >= len) {
                    continue;
                }
                if (matches(p, tokens, at)) {
                    best = new Hit<>(p.target(), at, at + len, p.alias());
                }
            }
        }
        return best;
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
