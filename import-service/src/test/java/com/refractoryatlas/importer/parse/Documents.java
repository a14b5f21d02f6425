package com.refractoryatlas.importer.parse;

import com.refractoryatlas.importer.extract.Extraction;
import com.refractoryatlas.importer.extract.Knowledge;
import com.refractoryatlas.importer.extract.KnowledgeExtractor;
import com.refractoryatlas.importer.extract.TextParagraph;
import com.refractoryatlas.importer.extract.TextSentence;
import com.refractoryatlas.importer.extract.Vocabulary;
import com.refractoryatlas.importer.parse.layout.Layout;
import com.refractoryatlas.importer.parse.layout.LayoutLine;
import com.refractoryatlas.importer.parse.layout.TextStyle;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Test documents: the seeds of the repository and the extra documents under src/test/resources/documents. */
final class Documents {

    static final Path SEEDS = Path.of("../samples/seeds");

    private static final KnowledgeExtractor EXTRACTOR = new KnowledgeExtractor(Vocabulary.bundled());

    private Documents() {}

    /** A layout of plain lines, numbered from 1, as the text reader makes them. */
    static Layout layout(String... lines) {
        List<LayoutLine> out = new ArrayList<>();
        for (String line : lines) {
            out.add(LayoutLine.plain(out.size() + 1, line));
        }
        return new Layout(out, 1);
    }

    /** Adds a line of page 1 in the given type under the last one, as the PDF reader gives it. */
    static void styledLine(List<LayoutLine> lines, String text, float size, boolean bold) {
        float y = lines.isEmpty() ? 40 : lines.get(lines.size() - 1).style().y() + size + 4;
        lines.add(new LayoutLine(lines.size() + 1, text, new TextStyle(1, 90, y, 400, size, bold, false, 0)));
    }

    /** The lines' texts. */
    static List<String> texts(Layout layout) {
        return layout.lines().stream().map(LayoutLine::text).toList();
    }

    /** Extraction as the import planner runs it: after parsing, on the parsed body. */
    static Extraction extraction(ParsedDocument doc) {
        return EXTRACTOR.extract(DocumentBody.of(doc).stream()
                .map(p -> new TextParagraph(
                        p.heading(),
                        p.sentences().stream()
                                .map(s -> new TextSentence(s.text(), s.citations(), s.line()))
                                .toList()))
                .toList());
    }

    static Knowledge knowledge(ParsedDocument doc) {
        return extraction(doc).knowledge();
    }

    static List<Path> seeds() {
        try (Stream<Path> files = Files.list(SEEDS)) {
            return files.filter(p -> p.toString().endsWith(".txt")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String seed(String prefix) {
        return seeds().stream()
                .filter(p -> p.getFileName().toString().startsWith(prefix))
                .findFirst()
                .map(Documents::read)
                .orElseThrow();
    }

    static String read(Path p) {
        try {
            return Files.readString(p, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String resource(String name) {
        try (InputStream in = Documents.class.getResourceAsStream("/documents/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no test document " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
