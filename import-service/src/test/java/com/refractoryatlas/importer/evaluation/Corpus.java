package com.refractoryatlas.importer.evaluation;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

/**
 * The evaluation corpus on disk: {@code dev/} and {@code holdout/}, each holding documents and one
 * {@code <id>.gold.json} per article that lists the documents made from it. Loading checks that the corpus is whole
 * (every file has gold, every gold's files exist and are not empty, numbers are unique) and throws
 * {@link BrokenCorpusException} otherwise, so that a broken corpus fails the build instead of lowering the figures.
 */
record Corpus(Path root, List<Gold> golds) {

    static final List<String> SPLITS = List.of("dev", "holdout");
    static final Set<String> KINDS = Set.of("JOURNAL_ARTICLE", "EXPLAINER", "REFERENCE_LIST");
    private static final Set<String> NOT_DOCUMENTS = Set.of("README.md", "SOURCES.md");

    /** Thrown when the corpus itself is wrong (missing gold, unreadable or missing file, bad gold). */
    static final class BrokenCorpusException extends RuntimeException {
        BrokenCorpusException(String message) {
            super(message);
        }
    }

    /**
     * The committed corpus: read from the source tree when the tests run in the module (so that files removed from
     * it do not linger as stale copies in {@code target/test-classes}), else from the test classpath.
     */
    static Corpus committed() {
        Path source = Path.of("src", "test", "resources", "corpus");
        return Files.isDirectory(source) ? load(source) : onClasspath();
    }

    static Corpus onClasspath() {
        var url = Corpus.class.getResource("/corpus");
        if (url == null) {
            throw new BrokenCorpusException("no corpus on the test classpath (src/test/resources/corpus)");
        }
        try {
            return load(Path.of(url.toURI()));
        } catch (URISyntaxException e) {
            throw new BrokenCorpusException("corpus location unreadable: " + e.getMessage());
        }
    }

    static Corpus load(Path root) {
        JsonMapper json = JsonMapper.builder().build();
        List<Gold> golds = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (String split : SPLITS) {
            Path dir = root.resolve(split);
            if (!Files.isDirectory(dir)) {
                problems.add("missing split folder " + split);
                continue;
            }
            Set<String> files = files(dir);
            Set<String> described = new HashSet<>();
            for (String name : files) {
                if (!name.endsWith(".gold.json")) {
                    continue;
                }
                Gold gold = read(json, dir.resolve(name), problems);
                if (gold == null) {
                    continue;
                }
                problems.addAll(check(gold, split, name, dir, ids));
                gold.documents().forEach(d -> described.add(d.file()));
                golds.add(gold);
            }
            for (String name : files) {
                if (!name.endsWith(".gold.json") && !NOT_DOCUMENTS.contains(name) && !described.contains(name)) {
                    problems.add(split + "/" + name + " has no gold (no gold file lists it)");
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new BrokenCorpusException("the evaluation corpus is broken:\n  " + String.join("\n  ", problems));
        }
        if (golds.isEmpty()) {
            throw new BrokenCorpusException("the evaluation corpus is empty");
        }
        return new Corpus(root, List.copyOf(golds));
    }

    private static Set<String> files(Path dir) {
        try (Stream<Path> s = Files.list(dir)) {
            Set<String> names = new TreeSet<>();
            s.filter(Files::isRegularFile)
                    .forEach(p -> names.add(p.getFileName().toString()));
            return names;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static @Nullable Gold read(JsonMapper json, Path file, List<String> problems) {
        try {
            return json.readValue(file.toFile(), Gold.class);
        } catch (RuntimeException e) {
            problems.add(file.getFileName() + " is not valid gold: " + e.getMessage());
            return null;
        }
    }

    private static List<String> check(Gold gold, String split, String name, Path dir, Set<String> ids) {
        List<String> problems = new ArrayList<>();
        String where = split + "/" + name;
        if (!name.equals(gold.id() + ".gold.json")) {
            problems.add(where + ": id '" + gold.id() + "' does not match the file name");
        }
        if (!ids.add(gold.id())) {
            problems.add(where + ": id '" + gold.id() + "' is used twice");
        }
        if (!split.equals(gold.split())) {
            problems.add(where + ": says split '" + gold.split() + "' but lies in " + split);
        }
        if (!KINDS.contains(gold.kind())) {
            problems.add(where + ": unknown kind " + gold.kind());
        }
        if (gold.documents().isEmpty()) {
            problems.add(where + ": lists no documents");
        }
        for (GoldDocument d : gold.documents()) {
            Path f = dir.resolve(d.file());
            if (!GoldDocument.FORMATS.contains(d.format())) {
                problems.add(where + ": " + d.file() + " has unknown format " + d.format());
            }
            if (!Files.isRegularFile(f) || !Files.isReadable(f) || size(f) == 0) {
                problems.add(where + ": document " + d.file() + " is missing, unreadable or empty");
            }
            problems.addAll(checkUnprinted(gold, d, where));
        }
        Map<Integer, Integer> numbers = new HashMap<>();
        for (GoldReference r : gold.references()) {
            if (r.number() <= 0 || numbers.put(r.number(), 1) != null) {
                problems.add(where + ": reference number " + r.number() + " is not positive and unique");
            }
        }
        return problems;
    }

    private static List<String> checkUnprinted(Gold gold, GoldDocument d, String where) {
        Set<String> fields = new HashSet<>();
        for (Field f : Field.values()) {
            fields.add(f.goldName());
        }
        Set<String> numbers = new HashSet<>();
        gold.references().forEach(r -> numbers.add(Integer.toString(r.number())));
        List<String> problems = new ArrayList<>();
        d.unprinted().forEach((number, names) -> {
            if (!numbers.contains(number)) {
                problems.add(where + ": " + d.file() + " marks unknown reference " + number + " unprinted");
            }
            names.stream()
                    .filter(n -> !fields.contains(n))
                    .forEach(n -> problems.add(where + ": " + d.file() + " marks unknown field " + n + " unprinted"));
        });
        return problems;
    }

    private static long size(Path f) {
        try {
            return Files.size(f);
        } catch (IOException e) {
            return 0;
        }
    }

    byte[] bytes(Gold gold, GoldDocument document) {
        try {
            return Files.readAllBytes(root.resolve(gold.split()).resolve(document.file()));
        } catch (IOException e) {
            throw new BrokenCorpusException("cannot read " + document.file() + ": " + e.getMessage());
        }
    }
}
