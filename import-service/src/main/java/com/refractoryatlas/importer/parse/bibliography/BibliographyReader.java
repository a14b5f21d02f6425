package com.refractoryatlas.importer.parse.bibliography;

import com.refractoryatlas.importer.parse.ParseIssue;
import com.refractoryatlas.importer.parse.ParsedDocument;
import com.refractoryatlas.importer.parse.ParserSettings;
import com.refractoryatlas.importer.parse.ReferenceList;
import com.refractoryatlas.importer.parse.Unrecognized;
import com.refractoryatlas.importer.parse.format.DocumentFormat;
import com.refractoryatlas.importer.parse.jats.Issues;
import com.refractoryatlas.importer.parse.jats.JatsReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;

/**
 * Reads a reference-manager file or a PubMed export into a {@link ReferenceList} titled from the file name. Total:
 * an unreadable entry is a {@link ParseIssue.Code#MALFORMED_ENTRY} warning and the others are kept; a file with no
 * readable entry is {@link Unrecognized} with the reasons. Each entry is cut out by a linear scan before a library
 * parses it, so cost is bounded by {@link Entries#MAX_ENTRIES} entries of at most {@link Entries#MAX_ENTRY_CHARS}.
 */
public final class BibliographyReader {

    private final ParserSettings settings;

    public BibliographyReader(ParserSettings settings) {
        this.settings = settings;
    }

    /** Reads {@code bytes} as {@code format}, one of the reference-manager formats or {@code PUBMED_XML}. */
    public ParsedDocument read(String source, byte[] bytes, DocumentFormat format) {
        Issues issues = new Issues(settings.maxIssuesPerCode());
        if (bytes.length > settings.maxBytes()) {
            issues.error(
                    ParseIssue.Code.TOO_LARGE,
                    "the file is " + bytes.length + " bytes; the limit is " + settings.maxBytes(),
                    null);
            return new Unrecognized(source, issues.toList());
        }
        Entries entries = new Entries(issues);
        switch (format) {
            case PUBMED_XML -> new PubMedFile(entries).read(bytes, issues);
            case ENDNOTE_XML -> new EndNoteXmlFile(entries).read(bytes, issues);
            case BIBTEX, RIS, ENDNOTE, MEDLINE, CSL_JSON -> readText(bytes, format, entries, issues);
            case PDF, JATS_XML, TEXT -> throw new IllegalArgumentException(format + " is not a bibliography format");
        }
        if (issues.hasErrors() || entries.references().isEmpty()) {
            if (!issues.hasErrors()) {
                issues.error(
                        ParseIssue.Code.MISSING_REFERENCES,
                        entries.seen() == 0
                                ? "no " + format + " entries found"
                                : "none of the " + entries.seen() + " " + format + " entries could be read",
                        null);
            }
            return new Unrecognized(source, issues.toList());
        }
        return new ReferenceList(
                source, JatsReader.titleFromSource(source), format.name(), entries.references(), issues.toList());
    }

    private static void readText(byte[] bytes, DocumentFormat format, Entries entries, Issues issues) {
        String text = decode(bytes, issues);
        if (text == null) {
            return;
        }
        switch (format) {
            case BIBTEX -> BibTeXFile.read(text, entries);
            case RIS -> TaggedFile.readRis(text, entries);
            case ENDNOTE -> TaggedFile.readEndNote(text, entries);
            case MEDLINE -> MedlineFile.read(text, entries);
            default -> CslJsonFile.read(text, entries);
        }
    }

    private static @Nullable String decode(byte[] bytes, Issues issues) {
        try {
            String text = StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        } catch (CharacterCodingException e) {
            issues.error(
                    ParseIssue.Code.INVALID_UTF8,
                    "not valid UTF-8; save the file as UTF-8 (UTF-16 with a byte-order mark, or a BibTeX file whose"
                            + " first line declares its encoding, '% Encoding: windows-1252', is read too)",
                    null);
            return null;
        }
    }
}
