package com.refractoryatlas.importer.extract;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The extractor's word lists and cue tables are data files under {@code /extract/} ({@code words/}: stop words,
 * filler, generic heads, adjectives; {@code cues/}: role, failure, criteria and resistance phrases; {@code
 * patterns/}: the qualifiers and triggers of the pattern rules), one entry a line, {@code #} starting a comment, so
 * that curators extend them without touching code. Each is read once, when the class using it is initialised.
 */
final class WordLists {

    private static final String ROOT = "/extract/";
    private static final char QUOTE = '"';

    private WordLists() {}

    /** A set of words from {@code /extract/words/<name>.txt}. */
    static Set<String> load(String name) {
        return Set.copyOf(entries("words/" + name));
    }

    /**
     * The phrases of {@code /extract/<path>.txt} in file order, stripped; one in double quotes keeps its spaces
     * ({@code "augment "} is not {@code augmented}).
     */
    static List<String> phrases(String path) {
        return entries(path).stream().map(WordLists::phrase).toList();
    }

    /** The lines of {@code /extract/<path>.txt} in file order, stripped, without blank lines and comments. */
    static List<String> entries(String path) {
        String resource = ROOT + path + ".txt";
        try (InputStream in = WordLists.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing word list " + resource);
            }
            List<String> out = new ArrayList<>();
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                String entry = line.strip();
                if (!entry.isEmpty() && !entry.startsWith("#")) {
                    out.add(entry);
                }
            }
            if (out.isEmpty()) {
                throw new IllegalStateException("empty word list " + resource);
            }
            return List.copyOf(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A phrase as written in a list: unquoted when in double quotes. */
    static String phrase(String entry) {
        if (entry.length() >= 2 && entry.charAt(0) == QUOTE && entry.charAt(entry.length() - 1) == QUOTE) {
            String inner = entry.substring(1, entry.length() - 1);
            if (!inner.isBlank()) {
                return inner;
            }
        }
        if (entry.indexOf(QUOTE) >= 0) {
            throw new IllegalStateException("unbalanced or empty quotes in a word list entry: " + entry);
        }
        return entry;
    }
}
