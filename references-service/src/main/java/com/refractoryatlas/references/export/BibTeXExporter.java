package com.refractoryatlas.references.export;

import com.refractoryatlas.references.reference.Author;
import com.refractoryatlas.references.reference.Reference;
import com.refractoryatlas.references.text.TextNormalizer;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.jbibtex.BibTeXDatabase;
import org.jbibtex.BibTeXEntry;
import org.jbibtex.BibTeXFormatter;
import org.jbibtex.Key;
import org.jbibtex.StringValue;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Writes references as BibTeX {@code @article} entries through jbibtex's formatter. Field text is escaped for
 * (La)TeX: the ten special characters become their commands, non-ASCII letters stay UTF-8 (biber and bibtexu read
 * them), and names are written "Family, Suffix, Given" so that "Jr." stays a suffix.
 */
@Component
public class BibTeXExporter {

    private static final int KEY_TITLE_WORDS = 1;

    public String export(Reference reference) {
        return export(List.of(reference));
    }

    /** One database holding every reference, with citation keys made unique within it. */
    public String export(List<Reference> references) {
        var database = new BibTeXDatabase();
        var usedKeys = new HashSet<String>();
        references.forEach(reference -> database.addObject(entryOf(reference, usedKeys)));
        var writer = new StringWriter();
        try {
            new BibTeXFormatter().format(database, writer);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return writer.toString();
    }

    private static BibTeXEntry entryOf(Reference reference, Set<String> usedKeys) {
        var entry = new BibTeXEntry(BibTeXEntry.TYPE_ARTICLE, new Key(uniqueKey(reference, usedKeys)));
        if (!reference.authors().isEmpty()) {
            add(entry, BibTeXEntry.KEY_AUTHOR, names(reference.authors()));
        }
        add(entry, BibTeXEntry.KEY_TITLE, escape(reference.title()));
        add(entry, BibTeXEntry.KEY_JOURNAL, escapeOrNull(reference.journal()));
        add(entry, BibTeXEntry.KEY_VOLUME, escapeOrNull(reference.volume()));
        add(entry, BibTeXEntry.KEY_NUMBER, escapeOrNull(reference.issue()));
        add(entry, BibTeXEntry.KEY_PAGES, reference.pages() == null ? null : pages(reference.pages()));
        add(
                entry,
                BibTeXEntry.KEY_YEAR,
                reference.year() == null ? null : reference.year().toString());
        add(entry, BibTeXEntry.KEY_DOI, escapeOrNull(reference.doi()));
        return entry;
    }

    private static void add(BibTeXEntry entry, Key key, @Nullable String value) {
        if (value != null) {
            entry.addField(key, new StringValue(value, StringValue.Style.BRACED));
        }
    }

    /** {@code wilkinson2021ketamine}: ASCII, stable, made unique with a, b, ... when two works would share it. */
    static String uniqueKey(Reference reference, Set<String> usedKeys) {
        var family = reference.authors().isEmpty()
                ? "anonymous"
                : TextNormalizer.familyName(reference.authors().getFirst().family());
        var title = TextNormalizer.tokens(reference.title()).stream()
                .limit(KEY_TITLE_WORDS)
                .collect(Collectors.joining());
        var base = ascii(family + (reference.year() == null ? "" : reference.year()) + title);
        var key = base.isEmpty() ? "ref" : base;
        var candidate = key;
        for (char suffix = 'a'; !usedKeys.add(candidate); suffix++) {
            candidate = key + suffix;
        }
        return candidate;
    }

    private static String ascii(String text) {
        return text.replaceAll("[^a-z0-9]", "");
    }

    private static String names(List<Author> authors) {
        return authors.stream().map(BibTeXExporter::name).collect(Collectors.joining(" and "));
    }

    /** "Family, Suffix, Given" (BibTeX's "von Last, Jr, First"); a family holding " and " or a comma is braced. */
    private static String name(Author author) {
        var family = escape(author.family());
        if (family.contains(" and ") || family.contains(",")) {
            family = "{" + family + "}";
        }
        var name = new StringBuilder(family);
        if (author.suffix() != null) {
            name.append(", ").append(escape(author.suffix()));
        }
        if (author.given() != null) {
            name.append(", ").append(escape(author.given()));
        } else if (author.suffix() != null) {
            name.append(", ");
        }
        return name.toString();
    }

    /** Page ranges use BibTeX's en dash {@code --}; article numbers stay as they are. */
    private static String pages(String pages) {
        return escape(pages).replaceAll("\\s*[-\u2013\u2014]+\\s*", "--");
    }

    private static @Nullable String escapeOrNull(@Nullable String text) {
        return text == null ? null : escape(text);
    }

    /** Escapes the characters (La)TeX treats specially; line breaks become spaces. */
    static String escape(String text) {
        var escaped = new StringBuilder(text.length() + 8);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\\' -> escaped.append("\\textbackslash{}");
                case '{', '}', '&', '%', '$', '#', '_' -> escaped.append('\\').append(c);
                case '~' -> escaped.append("\\textasciitilde{}");
                case '^' -> escaped.append("\\textasciicircum{}");
                case '\r', '\n', '\t' -> escaped.append(' ');
                default -> escaped.append(c);
            }
        }
        return escaped.toString();
    }
}
