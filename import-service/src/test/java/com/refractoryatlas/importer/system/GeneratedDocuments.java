package com.refractoryatlas.importer.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The sample seeds, and distinct documents of seed size made from them: variant {@code k} of a seed has its own title,
 * DOI and reference titles (so its article and references are new), and the same body (so its conditions, therapies
 * and treatments are those of the seed).
 */
public final class GeneratedDocuments {

    public static final Path SEEDS = Path.of("..", "samples", "seeds");

    private static final Pattern DOI = Pattern.compile("DOI: 10\\.37421/([^\\s*]+)");
    private static final Pattern TITLE = Pattern.compile("(?m)^# (.+)$");
    private static final Pattern REFERENCE_TITLE_END = Pattern.compile("([.?!])\" \\*");

    private GeneratedDocuments() {}

    public record Seed(String name, String text) {}

    public static List<Seed> seeds() {
        try (Stream<Path> files = Files.list(SEEDS)) {
            return files.sorted().map(GeneratedDocuments::read).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The first seed with a DOI, a markdown title and a reference list: the template of generated documents. */
    public static Seed template() {
        return seeds().getFirst();
    }

    /** Variant {@code k} of the template: new title, DOI and reference titles, same body. */
    public static Seed variant(int k) {
        var template = template().text();
        var text =
                TITLE.matcher(template).replaceFirst(m -> Matcher.quoteReplacement("# " + m.group(1) + ", part " + k));
        text = DOI.matcher(text).replaceAll(m -> Matcher.quoteReplacement("DOI: 10.99999/generated." + k));
        text = REFERENCE_TITLE_END
                .matcher(text)
                .replaceAll(m -> Matcher.quoteReplacement(", volume " + k + m.group(1) + "\" *"));
        return new Seed("generated-" + k + ".txt", text);
    }

    private static Seed read(Path file) {
        try {
            return new Seed(file.getFileName().toString(), Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
