package com.refractoryatlas.importer.extract;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The extractor's word lists (stop words, filler, generic heads, adjectives of the pattern rules) are data files
 * under {@code /extract/words/}, one entry a line, {@code #} starting a comment: curators extend them without
 * touching code.
 */
final class WordLists {

    private static final String FOLDER = "/extract/words/";

    private WordLists() {}

    static Set<String> load(String name) {
        try (InputStream in = WordLists.class.getResourceAsStream(FOLDER + name + ".txt")) {
            if (in == null) {
                throw new IllegalStateException("missing word list " + FOLDER + name + ".txt");
            }
            Set<String> out = new LinkedHashSet<>();
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                String entry = line.strip();
                if (!entry.isEmpty() && !entry.startsWith("#")) {
                    out.add(entry);
                }
            }
            return Set.copyOf(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
