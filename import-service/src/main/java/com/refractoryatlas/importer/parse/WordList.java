package com.refractoryatlas.importer.parse;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The parser's word lists (headings, labels, particles, furniture phrases...) are data files under
 * {@code /parse/words/}, one entry a line, {@code #} starting a comment, so that curators extend them without touching
 * code. Loaded once per class that uses them.
 */
final class WordList {

    private static final String FOLDER = "/parse/words/";

    private WordList() {}

    /** The entries of {@code /parse/words/<name>.txt}, in file order, stripped. */
    static Set<String> load(String name) {
        return Set.copyOf(ordered(name));
    }

    /** As {@link #load(String)}, keeping the file's order (for lists searched in order). */
    static List<String> ordered(String name) {
        try (InputStream in = WordList.class.getResourceAsStream(FOLDER + name + ".txt")) {
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
            return List.copyOf(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
