package com.refractoryatlas.importer.parse.bibliography;

import de.undercouch.citeproc.bibtex.BibTeXConverter;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jbibtex.BibTeXDatabase;
import org.jbibtex.BibTeXEntry;
import org.jbibtex.BibTeXParser;
import org.jbibtex.BibTeXString;
import org.jbibtex.Key;
import org.jbibtex.ParseException;
import org.jbibtex.ReferenceValue;
import org.jbibtex.StringValue;
import org.jbibtex.Value;
import org.jspecify.annotations.Nullable;

/**
 * BibTeX through jbibtex's parser and citeproc-java's {@link BibTeXConverter} (which decodes LaTeX accents and braces
 * with jbibtex's {@code LaTeXParser}/{@code LaTeXPrinter} and splits names). The file is first cut into entries by
 * one linear scan that counts braces, so that an entry with unbalanced braces is reported and the scan resumes at
 * the next line starting with {@code @type{}, and so that brace nesting deeper than {@link #MAX_BRACE_DEPTH} never
 * reaches the libraries' recursive-descent parsers.
 */
final class BibTeXFile {

    static final int MAX_BRACE_DEPTH = 32;

    private BibTeXFile() {}

    static void read(String text, Entries entries) {
        List<Chunk> chunks = chunks(text);
        Map<String, String> macros = macros(chunks);
        BibTeXConverter converter = new BibTeXConverter();
        for (Chunk chunk : chunks) {
            if (!entries.accepting()) {
                return;
            }
            String kind = kind(chunk.text());
            if (kind.equals("string") || kind.equals("preamble") || kind.equals("comment")) {
                continue;
            }
            if (chunk.problem() != null) {
                entries.malformed("BibTeX entry at line " + chunk.line() + ": " + chunk.problem(), chunk.line());
                continue;
            }
            entry(chunk, macros, converter, entries);
        }
    }

    private static void entry(Chunk chunk, Map<String, String> macros, BibTeXConverter converter, Entries entries) {
        try {
            BibTeXDatabase db = parser().parse(new StringReader(chunk.text()));
            if (db.getEntries().isEmpty()) {
                entries.malformed("BibTeX entry at line " + chunk.line() + " could not be read", chunk.line());
            }
            for (BibTeXEntry entry : db.getEntries().values()) {
                resolve(entry, macros);
                CslMapping.add(entries, converter.toItemData(entry), chunk.text(), chunk.line());
            }
        } catch (ParseException | RuntimeException e) {
            entries.malformed(
                    "BibTeX entry at line " + chunk.line() + " could not be read: " + firstLine(e), chunk.line());
        }
    }

    /** A parser that leaves {@code @string} references and cross-references unresolved instead of failing. */
    private static BibTeXParser parser() throws ParseException {
        return new BibTeXParser() {
            @Override
            public void checkStringResolution(Key key, @Nullable BibTeXString string) {
                // resolved from the file's @string definitions afterwards
            }

            @Override
            public void checkCrossReferenceResolution(Key key, @Nullable BibTeXEntry entry) {
                // crossref targets are separate entries
            }
        };
    }

    private static Map<String, String> macros(List<Chunk> chunks) {
        Map<String, String> macros = new HashMap<>();
        for (Chunk chunk : chunks) {
            if (chunk.problem() != null || !kind(chunk.text()).equals("string")) {
                continue;
            }
            try {
                parser().parse(new StringReader(chunk.text()))
                        .getStrings()
                        .forEach((k, v) -> macros.put(
                                k.getValue().toLowerCase(Locale.ROOT),
                                v.getValue().toUserString()));
            } catch (ParseException | RuntimeException e) {
                // an unreadable @string leaves its macro unresolved
            }
        }
        return macros;
    }

    private static void resolve(BibTeXEntry entry, Map<String, String> macros) {
        for (Map.Entry<Key, Value> field : Map.copyOf(entry.getFields()).entrySet()) {
            if (field.getValue() instanceof ReferenceValue ref && !ref.isResolved()) {
                String macro = macros.get(ref.toUserString().toLowerCase(Locale.ROOT));
                if (macro != null) {
                    entry.addField(field.getKey(), new StringValue(macro, StringValue.Style.BRACED));
                }
            }
        }
    }

    private static String kind(String chunk) {
        int i = 1;
        while (i < chunk.length() && Character.isLetter(chunk.charAt(i))) {
            i++;
        }
        return chunk.substring(1, i).toLowerCase(Locale.ROOT);
    }

    /** The file's {@code @...} blocks, each with its line and, when already known to be broken, why. */
    static List<Chunk> chunks(String text) {
        List<Chunk> out = new ArrayList<>();
        Scanner s = new Scanner(text);
        while (s.nextEntryStart()) {
            out.add(s.entry());
        }
        return out;
    }

    /** A cursor over the file that finds entry starts and their matching close. */
    private static final class Scanner {
        private final String text;
        private int at;
        private int line = 1;

        private Scanner(String text) {
            this.text = text;
        }

        /** Moves to the next {@code @} that starts a line (after blanks) and opens an entry; false at the end. */
        private boolean nextEntryStart() {
            while (at < text.length()) {
                if (text.charAt(at) == '@' && lineStart(at) && opensEntry(at)) {
                    return true;
                }
                if (text.charAt(at) == '\n') {
                    line++;
                }
                at++;
            }
            return false;
        }

        private Chunk entry() {
            int start = at;
            int startLine = line;
            int open = opening(at);
            char close = text.charAt(open) == '(' ? ')' : '}';
            int depth = 0;
            int deepest = 0;
            for (at = open + 1; at < text.length(); at++) {
                char c = text.charAt(at);
                if (c == '\n') {
                    line++;
                    if (depth >= 0 && at + 1 < text.length() && entryStartsAt(at + 1)) {
                        at++;
                        return new Chunk(text.substring(start, at), startLine, "unbalanced braces (no closing brace)");
                    }
                } else if (c == '{') {
                    depth++;
                    deepest = Math.max(deepest, depth);
                } else if (c == '}' && depth > 0) {
                    depth--;
                } else if (c == close && depth == 0) {
                    at++;
                    return chunk(start, startLine, deepest);
                }
            }
            return new Chunk(text.substring(start), startLine, "unbalanced braces (the file ends inside the entry)");
        }

        private Chunk chunk(int start, int startLine, int deepest) {
            String problem = null;
            if (deepest > MAX_BRACE_DEPTH) {
                problem = "braces nested deeper than " + MAX_BRACE_DEPTH;
            } else if (at - start > Entries.MAX_ENTRY_CHARS) {
                problem = "longer than " + Entries.MAX_ENTRY_CHARS + " characters";
            }
            return new Chunk(text.substring(start, at), startLine, problem);
        }

        private boolean entryStartsAt(int i) {
            int j = i;
            while (j < text.length() && (text.charAt(j) == ' ' || text.charAt(j) == '\t')) {
                j++;
            }
            return j < text.length() && text.charAt(j) == '@' && opensEntry(j);
        }

        private boolean lineStart(int i) {
            int j = i - 1;
            while (j >= 0 && (text.charAt(j) == ' ' || text.charAt(j) == '\t')) {
                j--;
            }
            return j < 0 || text.charAt(j) == '\n' || text.charAt(j) == '\r';
        }

        private boolean opensEntry(int i) {
            return opening(i) > 0;
        }

        /** Index of the {@code {} or {@code (} after {@code @type}, or -1. */
        private int opening(int i) {
            int j = i + 1;
            while (j < text.length() && Character.isLetter(text.charAt(j))) {
                j++;
            }
            if (j == i + 1) {
                return -1;
            }
            while (j < text.length() && (text.charAt(j) == ' ' || text.charAt(j) == '\t')) {
                j++;
            }
            return j < text.length() && (text.charAt(j) == '{' || text.charAt(j) == '(') ? j : -1;
        }
    }

    private static String firstLine(Exception e) {
        String m = e.getMessage();
        return m == null
                ? e.getClass().getSimpleName()
                : m.strip().lines().findFirst().orElse(m);
    }
}
