package com.refractoryatlas.importer.parse.bibliography;

import com.refractoryatlas.importer.parse.ParseIssue;
import de.undercouch.citeproc.csl.CSLItemData;
import de.undercouch.citeproc.helper.json.JsonLexer;
import de.undercouch.citeproc.helper.json.JsonParser;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * CSL-JSON (an array of items, or one item) through citeproc-java's {@link JsonParser} and
 * {@link CSLItemData#fromJson}. One linear scan first finds each top-level item and the nesting depth, so that each
 * item is parsed alone (a broken item costs a warning) and nesting deeper than {@link #MAX_DEPTH} never reaches the
 * recursive JSON parser.
 */
final class CslJsonFile {

    static final int MAX_DEPTH = 64;

    /** Keys at least one of which a CSL item carries. */
    private static final Set<String> CSL_KEYS =
            Set.of("type", "title", "author", "issued", "container-title", "DOI", "editor", "page", "volume");

    private CslJsonFile() {}

    static void read(String text, Entries entries) {
        String t = text.strip();
        if (t.startsWith("\uFEFF")) {
            t = t.substring(1).strip();
        }
        Scan scan = scan(t);
        String error = scan.error;
        if (error != null) {
            entries.issues().error(ParseIssue.Code.NOT_CSL_JSON, error, scan.errorLine);
            return;
        }
        int items = 0;
        for (Chunk chunk : scan.items) {
            if (!entries.accepting()) {
                return;
            }
            if (chunk.problem() != null) {
                entries.malformed("CSL-JSON item at line " + chunk.line() + " " + chunk.problem(), chunk.line());
                continue;
            }
            items += item(chunk, entries) ? 1 : 0;
        }
        if (items == 0) {
            entries.issues()
                    .error(
                            ParseIssue.Code.NOT_CSL_JSON,
                            "JSON, but no element is a CSL item (type, title, author...)",
                            null);
        }
    }

    /** Reads one item; false when it is not a CSL item at all. */
    private static boolean item(Chunk chunk, Entries entries) {
        Map<String, Object> map;
        try {
            map = new JsonParser(new JsonLexer(new StringReader(chunk.text()))).parseObject();
        } catch (IOException | RuntimeException e) {
            entries.malformed(
                    "CSL-JSON item at line " + chunk.line() + " is not valid JSON: " + e.getMessage(), chunk.line());
            return false;
        }
        if (map.keySet().stream().noneMatch(CSL_KEYS::contains)) {
            entries.malformed("JSON object at line " + chunk.line() + " has no CSL field", chunk.line());
            return false;
        }
        try {
            CslMapping.add(entries, fromJson(map), chunk.text(), chunk.line());
        } catch (RuntimeException e) {
            entries.malformed(
                    "CSL-JSON item at line " + chunk.line() + " could not be read: " + e.getMessage(), chunk.line());
        }
        return true;
    }

    /** An item whose {@code type} citeproc-java does not know is read as if it had none. */
    private static CSLItemData fromJson(Map<String, Object> map) {
        try {
            return CSLItemData.fromJson(map);
        } catch (IllegalArgumentException e) {
            Map<String, Object> untyped = new HashMap<>(map);
            untyped.remove("type");
            return CSLItemData.fromJson(untyped);
        }
    }

    /** The top-level items and any structural error, found without recursion. */
    private static final class Scan {
        private final List<Chunk> items = new ArrayList<>();
        private @Nullable String error;
        private @Nullable Integer errorLine;
    }

    private static Scan scan(String t) {
        Scan scan = new Scan();
        if (t.isEmpty() || t.charAt(0) != '[' && t.charAt(0) != '{') {
            scan.error = "not JSON: CSL-JSON is an array of items or one item";
            return scan;
        }
        boolean array = t.charAt(0) == '[';
        int depth = 0;
        int line = 1;
        int itemStart = array ? -1 : 0;
        int itemLine = 1;
        boolean inString = false;
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if (c == '\n') {
                line++;
            }
            if (inString) {
                if (c == '\\') {
                    i++;
                } else if (c == '"') {
                    inString = false;
                }
                continue;
            }
            if (c == '"') {
                inString = true;
            } else if (c == '[' || c == '{') {
                depth++;
                if (depth > MAX_DEPTH) {
                    scan.error = "JSON nested deeper than " + MAX_DEPTH + " levels";
                    scan.errorLine = line;
                    return scan;
                }
                if (array && depth == 2) {
                    itemStart = i;
                    itemLine = line;
                }
            } else if (c == ']' || c == '}') {
                depth--;
                if (depth == (array ? 1 : 0) && itemStart >= 0) {
                    scan.items.add(item(t.substring(itemStart, i + 1), itemLine));
                    itemStart = -1;
                }
                if (depth < 0) {
                    scan.error = "unbalanced brackets";
                    scan.errorLine = line;
                    return scan;
                }
            } else if (array && depth == 1 && !Character.isWhitespace(c) && c != ',') {
                scan.items.add(new Chunk(String.valueOf(c), line, "is not an object"));
                i = skipScalar(t, i);
            }
        }
        if (depth != 0 || inString) {
            if (itemStart >= 0) {
                scan.items.add(new Chunk(t.substring(itemStart), itemLine, "is cut off (the file ends inside it)"));
            }
            if (scan.items.isEmpty()) {
                scan.error = "the JSON ends before its brackets close";
                scan.errorLine = line;
            }
        }
        return scan;
    }

    private static Chunk item(String text, int line) {
        if (text.charAt(0) != '{') {
            return new Chunk(text, line, "is not an object");
        }
        return new Chunk(
                text,
                line,
                text.length() > Entries.MAX_ENTRY_CHARS
                        ? "is longer than " + Entries.MAX_ENTRY_CHARS + " characters"
                        : null);
    }

    private static int skipScalar(String t, int from) {
        int i = from;
        if (t.charAt(i) == '"') {
            i++;
            while (i < t.length() && t.charAt(i) != '"') {
                i += t.charAt(i) == '\\' ? 2 : 1;
            }
            return i;
        }
        while (i + 1 < t.length() && t.charAt(i + 1) != ',' && t.charAt(i + 1) != ']') {
            i++;
        }
        return i;
    }
}
