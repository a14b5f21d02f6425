package com.refractoryatlas.importer.parse.jats;

import com.refractoryatlas.importer.parse.ArticleMetadata;
import com.refractoryatlas.importer.parse.ParsedAuthor;
import com.refractoryatlas.importer.parse.StructuredFields;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** The article's own front matter ({@code journal-meta}, {@code article-meta}) as its elements end. */
final class FrontMatter {

    /** Publication dates in the order a year is taken from them: the version of record first. */
    private static final List<String> PUB_DATE_PREFERENCE =
            List.of("epub", "pub-electronic", "ppub", "pub-print", "pub", "collection", "epub-ppub", "ecorrected");

    @Nullable
    String title;

    @Nullable
    String journal;

    @Nullable
    String volume;

    @Nullable
    String fpage;

    @Nullable
    String lpage;

    @Nullable
    String elocation;

    @Nullable
    String doi;

    @Nullable
    String manuscript;

    @Nullable
    String correspEmail;

    @Nullable
    String contribEmail;

    @Nullable
    String anyEmail;

    final List<ParsedAuthor> authors = new ArrayList<>();
    final Set<String> affiliations = new LinkedHashSet<>();
    final List<DateBuilder> pubDates = new ArrayList<>();
    final List<DateBuilder> history = new ArrayList<>();

    void articleId(@Nullable String type, String value) {
        String t = type == null ? "" : type.toLowerCase(Locale.ROOT);
        if (t.equals("doi") && doi == null) {
            doi = StructuredFields.doi(value);
        } else if ((t.equals("manuscript") || t.equals("publisher-manuscript")) && manuscript == null) {
            manuscript = StructuredFields.collapse(value);
        }
    }

    ArticleMetadata build(String fallbackTitle) {
        DateBuilder published = publication();
        return new ArticleMetadata(
                title == null || title.isBlank() ? fallbackTitle : StructuredFields.title(title),
                authors,
                affiliations.isEmpty() ? null : String.join("; ", affiliations),
                correspEmail != null ? correspEmail : contribEmail != null ? contribEmail : anyEmail,
                StructuredFields.journal(journal),
                volume == null ? null : StructuredFields.collapse(volume),
                fpage != null ? StructuredFields.pages(fpage, lpage) : StructuredFields.pages(elocation),
                published == null ? null : published.year(),
                doi,
                manuscript,
                historyDate("received"),
                null,
                historyDate("accepted"),
                historyDate("rev-recd"),
                published == null ? null : published.date());
    }

    private @Nullable DateBuilder publication() {
        for (String preferred : PUB_DATE_PREFERENCE) {
            for (DateBuilder d : pubDates) {
                if (preferred.equalsIgnoreCase(d.type) && d.year() != null) {
                    return d;
                }
            }
        }
        for (DateBuilder d : pubDates) {
            if (d.year() != null) {
                return d;
            }
        }
        return null;
    }

    private @Nullable LocalDate historyDate(String type) {
        for (DateBuilder d : history) {
            if (type.equalsIgnoreCase(d.type)) {
                return d.date();
            }
        }
        return null;
    }
}
