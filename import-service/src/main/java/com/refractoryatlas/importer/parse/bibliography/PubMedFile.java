package com.refractoryatlas.importer.parse.bibliography;

import com.refractoryatlas.importer.parse.ParsedAuthor;
import com.refractoryatlas.importer.parse.StructuredFields;
import com.refractoryatlas.importer.parse.jats.Years;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import javax.xml.stream.XMLStreamReader;
import org.jspecify.annotations.Nullable;

/**
 * PubMed/MEDLINE XML ({@code PubmedArticleSet} of {@code PubmedArticle}, or bare {@code MedlineCitation}s, and
 * {@code PubmedBookArticle}s): each record becomes one reference. The journal is the NLM title abbreviation
 * ({@code MedlineTA}, what Vancouver reference lists print), else the ISO abbreviation, else the full title. A record's
 * own reference list and comment links are skipped, so that their DOIs are never taken for the record's.
 */
final class PubMedFile extends XmlFields {

    private static final Set<String> SKIPPED = Set.of(
            "ReferenceList",
            "CommentsCorrectionsList",
            "MeshHeadingList",
            "KeywordList",
            "Abstract",
            "OtherAbstract",
            "ChemicalList",
            "GrantList",
            "PublicationTypeList",
            "InvestigatorList",
            "History",
            "Sections");
    private static final Set<String> RECORDS = Set.of("PubmedArticle", "PubmedBookArticle");

    private final Entries entries;
    private @Nullable Rec rec;
    private int recordDepthMarker;

    /** One record's fields as they end. */
    private static final class Rec {
        private final int line;
        private final List<ParsedAuthor> authors = new ArrayList<>();
        private final StringBuilder raw = new StringBuilder();
        private @Nullable String title;
        private @Nullable String medlineTa;
        private @Nullable String iso;
        private @Nullable String journalTitle;
        private @Nullable String volume;
        private @Nullable String issue;
        private @Nullable String year;
        private @Nullable String pages;
        private @Nullable String startPage;
        private @Nullable String endPage;
        private @Nullable String doi;
        private @Nullable String last;
        private @Nullable String fore;
        private @Nullable String initials;
        private @Nullable String suffix;
        private @Nullable String collective;

        private Rec(int line) {
            this.line = line;
        }
    }

    private @Nullable String idType;

    PubMedFile(Entries entries) {
        super(SKIPPED);
        this.entries = entries;
    }

    @Override
    boolean start(String name, String parent, XMLStreamReader reader) {
        if (RECORDS.contains(name) || name.equals("MedlineCitation") && rec == null) {
            rec = new Rec(com.refractoryatlas.importer.parse.jats.SafeXml.line(reader));
            recordDepthMarker = name.equals("MedlineCitation") ? 1 : 0;
            return false;
        }
        if (rec == null || !entries.accepting()) {
            return false;
        }
        if (name.equals("ELocationID")) {
            idType = attribute(reader, "EIdType");
        } else if (name.equals("ArticleId")) {
            idType = attribute(reader, "IdType");
        }
        return switch (name) {
            case "ArticleTitle",
                    "BookTitle",
                    "Title",
                    "ISOAbbreviation",
                    "MedlineTA",
                    "Volume",
                    "Issue",
                    "Year",
                    "MedlineDate",
                    "MedlinePgn",
                    "StartPage",
                    "EndPage",
                    "ELocationID",
                    "ArticleId",
                    "LastName",
                    "ForeName",
                    "FirstName",
                    "Initials",
                    "Suffix",
                    "CollectiveName" -> true;
            default -> false;
        };
    }

    @Override
    void field(String name, String parent, String text, int line) {
        Rec r = rec;
        if (r == null || text.isEmpty()) {
            return;
        }
        r.raw.append(text).append(". ");
        switch (name) {
            case "ArticleTitle" -> r.title = first(r.title, text);
            case "BookTitle" -> r.title = first(r.title, text);
            case "Title" -> r.journalTitle = parent.equals("Journal") ? first(r.journalTitle, text) : r.journalTitle;
            case "ISOAbbreviation" -> r.iso = first(r.iso, text);
            case "MedlineTA" -> r.medlineTa = first(r.medlineTa, text);
            case "Volume" -> r.volume = first(r.volume, text);
            case "Issue" -> r.issue = first(r.issue, text);
            case "Year", "MedlineDate" -> r.year = parent.equals("PubDate") ? first(r.year, text) : r.year;
            case "MedlinePgn" -> r.pages = first(r.pages, text);
            case "StartPage" -> r.startPage = first(r.startPage, text);
            case "EndPage" -> r.endPage = first(r.endPage, text);
            case "ELocationID", "ArticleId" -> doi(r, text);
            default -> name(r, name, text);
        }
    }

    private void doi(Rec r, String text) {
        if ("doi".equals(idType == null ? null : idType.toLowerCase(Locale.ROOT)) && r.doi == null) {
            r.doi = text;
        }
        idType = null;
    }

    private static void name(Rec r, String name, String text) {
        switch (name) {
            case "LastName" -> r.last = text;
            case "ForeName", "FirstName" -> r.fore = text;
            case "Initials" -> r.initials = text;
            case "Suffix" -> r.suffix = text;
            case "CollectiveName" -> r.collective = text;
            default -> {
                // not a name part
            }
        }
    }

    @Override
    void end(String name, int line) {
        Rec r = rec;
        if (r == null) {
            return;
        }
        if (name.equals("Author")) {
            author(r);
        } else if (RECORDS.contains(name) || name.equals("MedlineCitation") && recordDepthMarker == 1) {
            finish(r);
            rec = null;
        }
    }

    private static void author(Rec r) {
        if (r.collective != null) {
            r.authors.add(new ParsedAuthor(StructuredFields.collapse(r.collective), null, null));
        } else if (r.last != null) {
            String given = r.fore != null ? r.fore : r.initials;
            r.authors.add(new ParsedAuthor(StructuredFields.collapse(r.last), given, r.suffix));
        }
        r.last = null;
        r.fore = null;
        r.initials = null;
        r.suffix = null;
        r.collective = null;
    }

    private void finish(Rec r) {
        if (!entries.accepting()) {
            return;
        }
        String journal = r.medlineTa != null ? r.medlineTa : r.iso != null ? r.iso : r.journalTitle;
        String pages = r.pages != null ? r.pages : StructuredFields.pages(r.startPage, r.endPage);
        entries.add(
                r.authors,
                r.title,
                journal,
                r.volume,
                r.issue,
                pages,
                Years.first(r.year),
                r.doi,
                r.raw.toString(),
                r.line);
    }

    private static String first(@Nullable String current, String text) {
        return current != null ? current : text;
    }
}
