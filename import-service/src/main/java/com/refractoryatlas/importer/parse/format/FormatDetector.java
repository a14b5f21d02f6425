package com.refractoryatlas.importer.parse.format;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Finds a document's format from its first bytes: a PDF signature, the root element of an XML document, the first
 * record of a BibTeX, RIS or CSL-JSON file, in the encoding {@link TextEncoding} finds. The media type and file name are hints used only when the content is
 * ambiguous, never required. Reads at most {@link #PROBE_BYTES} bytes, so detection costs the same for any size.
 */
public final class FormatDetector {

    /** How much of a document detection reads. */
    public static final int PROBE_BYTES = 64 * 1024;

    private static final int PDF_SIGNATURE_WINDOW = 1024;
    private static final byte[] PDF_SIGNATURE = "%PDF-".getBytes(StandardCharsets.US_ASCII);
    private static final Pattern XML_ROOT = Pattern.compile("<([A-Za-z_][\\w.:-]*)[\\s>/]");
    private static final Pattern BIBTEX_ENTRY = Pattern.compile("(?m)^[ \\t]*+@[A-Za-z]++[ \\t]*+[{(]");
    private static final Pattern RIS_TYPE = Pattern.compile("(?m)^TY {1,2}- ?+\\S");
    private static final Pattern RIS_END = Pattern.compile("(?m)^(?:ER {1,2}-|[A-Z][A-Z0-9] {2}- )");
    private static final Pattern MEDLINE_FIELD = Pattern.compile("(?m)^(?:TI|FAU|AU|DP|TA|JT) {1,2}- \\S");
    private static final Pattern ENDNOTE_TYPE = Pattern.compile("(?m)^%0 \\S");
    private static final Pattern ENDNOTE_FIELD = Pattern.compile("(?m)^%[ATDJ] \\S");
    private static final Pattern CSL_KEY = Pattern.compile("\"(type|title|author|issued|container-title|DOI)\"\\s*:");

    private FormatDetector() {}

    /** The format of {@code bytes}; {@link DocumentFormat#TEXT} when nothing more specific is recognized. */
    public static DocumentFormat detect(byte[] bytes, @Nullable String mediaType, @Nullable String fileName) {
        if (startsWithPdfSignature(bytes)) {
            return DocumentFormat.PDF;
        }
        var encoding = TextEncoding.of(bytes);
        int skip = encoding.markLength();
        String decoded = new String(bytes, skip, Math.min(bytes.length - skip, PROBE_BYTES), encoding.charset());
        String head = decoded.startsWith("\uFEFF") ? decoded.substring(1) : decoded;
        int start = firstSignificant(head);
        if (start == head.length()) {
            return DocumentFormat.TEXT;
        }
        char first = head.charAt(start);
        if (first == '<') {
            DocumentFormat xml = xmlFormat(head, start);
            if (xml != null) {
                return xml;
            }
        }
        if ((first == '[' || first == '{') && (CSL_KEY.matcher(head).find() || endsLikeJson(bytes, first))) {
            return DocumentFormat.CSL_JSON;
        }
        if (head.startsWith("PMID- ", start) && MEDLINE_FIELD.matcher(head).find()) {
            return DocumentFormat.MEDLINE;
        }
        if (RIS_TYPE.matcher(head).find() && RIS_END.matcher(head).find()) {
            return DocumentFormat.RIS;
        }
        if (head.startsWith("%0 ", start) && ENDNOTE_FIELD.matcher(head).find()
                || ENDNOTE_TYPE.matcher(head).find() && hinted(mediaType, fileName, "enw")) {
            return DocumentFormat.ENDNOTE;
        }
        if (BIBTEX_ENTRY.matcher(head).find() && (first == '@' || first == '%' || hinted(mediaType, fileName, "bib"))) {
            return DocumentFormat.BIBTEX;
        }
        return DocumentFormat.TEXT;
    }

    private static boolean startsWithPdfSignature(byte[] bytes) {
        int window = Math.min(bytes.length - PDF_SIGNATURE.length, PDF_SIGNATURE_WINDOW);
        for (int i = 0; i <= window; i++) {
            if (matchesAt(bytes, i)) {
                return true;
            }
        }
        return false;
    }

    private static boolean matchesAt(byte[] bytes, int offset) {
        for (int j = 0; j < PDF_SIGNATURE.length; j++) {
            if (bytes[offset + j] != PDF_SIGNATURE[j]) {
                return false;
            }
        }
        return true;
    }

    private static int firstSignificant(String head) {
        int i = 0;
        while (i < head.length() && (Character.isWhitespace(head.charAt(i)) || head.charAt(i) == '\uFEFF')) {
            i++;
        }
        return i;
    }

    /**
     * The format named by the root element, found after the XML declaration, comments, processing instructions and
     * the doctype (with its internal subset) are skipped, in one pass without regular expressions.
     */
    private static @Nullable DocumentFormat xmlFormat(String head, int start) {
        int at = start;
        while (at < head.length()) {
            at = skipBlanks(head, at);
            if (at >= head.length() || head.charAt(at) != '<') {
                return null;
            }
            if (head.startsWith("<?", at)) {
                at = after(head, at, "?>");
            } else if (head.startsWith("<!--", at)) {
                at = after(head, at, "-->");
            } else if (head.startsWith("<!", at)) {
                at = afterDoctype(head, at);
            } else {
                return rootFormat(head, at + 1);
            }
            if (at < 0) {
                return null;
            }
        }
        return null;
    }

    private static @Nullable DocumentFormat rootFormat(String head, int nameStart) {
        var matcher = XML_ROOT.matcher(head);
        if (!matcher.find(nameStart - 1) || matcher.start() != nameStart - 1) {
            return null;
        }
        String name = localName(matcher.group(1)).toLowerCase(Locale.ROOT);
        return switch (name) {
            case "article", "pmc-articleset" -> DocumentFormat.JATS_XML;
            case "oai-pmh" -> head.contains("<article") ? DocumentFormat.JATS_XML : null;
            case "pubmedarticleset",
                    "pubmedarticle",
                    "pubmedbookarticleset",
                    "pubmedbookarticle",
                    "medlinecitationset",
                    "medlinecitation" -> DocumentFormat.PUBMED_XML;
            case "xml", "records" -> head.contains("<record") ? DocumentFormat.ENDNOTE_XML : null;
            default -> null;
        };
    }

    private static int skipBlanks(String s, int from) {
        int i = from;
        while (i < s.length() && (Character.isWhitespace(s.charAt(i)) || s.charAt(i) == '\uFEFF')) {
            i++;
        }
        return i;
    }

    private static int after(String s, int from, String end) {
        int i = s.indexOf(end, from + 2);
        return i < 0 ? -1 : i + end.length();
    }

    /** The end of a {@code <!DOCTYPE ...>}, its bracketed internal subset included. */
    private static int afterDoctype(String s, int from) {
        boolean subset = false;
        char quote = 0;
        for (int i = from + 2; i < s.length(); i++) {
            char c = s.charAt(i);
            if (quote != 0) {
                quote = c == quote ? 0 : quote;
            } else if (c == '"' || c == '\'') {
                quote = c;
            } else if (c == '[') {
                subset = true;
            } else if (c == ']') {
                subset = false;
            } else if (c == '>' && !subset) {
                return i + 1;
            }
        }
        return -1;
    }

    /** A document that starts with a bracket and ends with its partner: JSON, left to the CSL-JSON reader to judge. */
    private static boolean endsLikeJson(byte[] bytes, char first) {
        int i = bytes.length - 1;
        while (i >= 0 && Character.isWhitespace(bytes[i])) {
            i--;
        }
        return i > 0 && bytes[i] == (first == '[' ? ']' : '}');
    }

    private static String localName(String qualified) {
        int colon = qualified.indexOf(':');
        return colon < 0 ? qualified : qualified.substring(colon + 1);
    }

    private static boolean hinted(@Nullable String mediaType, @Nullable String fileName, String extension) {
        boolean byName = fileName != null && fileName.toLowerCase(Locale.ROOT).endsWith("." + extension);
        boolean byType = mediaType != null && mediaType.toLowerCase(Locale.ROOT).contains(extension);
        return byName || byType;
    }
}
