package com.refractoryatlas.importer.parse.format;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Finds a document's format from its first bytes: a PDF signature, the root element of an XML document, the first
 * record of a BibTeX, RIS or CSL-JSON file. The media type and file name are hints used only when the content is
 * ambiguous, never required. Reads at most {@link #PROBE_BYTES} bytes, so detection costs the same for any size.
 */
public final class FormatDetector {

    /** How much of a document detection reads. */
    public static final int PROBE_BYTES = 64 * 1024;

    private static final int PDF_SIGNATURE_WINDOW = 1024;
    private static final byte[] PDF_SIGNATURE = "%PDF-".getBytes(StandardCharsets.US_ASCII);
    private static final Pattern XML_ROOT = Pattern.compile("<([A-Za-z_][\\w.:-]*)[\\s>/]");
    private static final Pattern BIBTEX_ENTRY = Pattern.compile("(?m)^\\s*@[A-Za-z]+\\s*[{(]");
    private static final Pattern RIS_TYPE = Pattern.compile("(?m)^TY  - ");
    private static final Pattern CSL_KEY = Pattern.compile("\"(type|title|author|issued|container-title|DOI)\"\\s*:");

    private FormatDetector() {}

    /** The format of {@code bytes}; {@link DocumentFormat#TEXT} when nothing more specific is recognized. */
    public static DocumentFormat detect(byte[] bytes, @Nullable String mediaType, @Nullable String fileName) {
        if (startsWithPdfSignature(bytes)) {
            return DocumentFormat.PDF;
        }
        String head = new String(bytes, 0, Math.min(bytes.length, PROBE_BYTES), StandardCharsets.UTF_8);
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
        if ((first == '[' || first == '{') && CSL_KEY.matcher(head).find()) {
            return DocumentFormat.CSL_JSON;
        }
        if (RIS_TYPE.matcher(head).find()) {
            return DocumentFormat.RIS;
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

    /** The format named by the first element that is not a declaration, comment or doctype. */
    private static @Nullable DocumentFormat xmlFormat(String head, int start) {
        var matcher = XML_ROOT.matcher(head);
        int from = start;
        while (matcher.find(from)) {
            int at = matcher.start();
            if (at > 0 && (head.charAt(at - 1) == '!' || head.charAt(at - 1) == '?')) {
                from = matcher.end();
                continue;
            }
            String name = localName(matcher.group(1)).toLowerCase(Locale.ROOT);
            return switch (name) {
                case "article", "pmc-articleset", "front" -> DocumentFormat.JATS_XML;
                case "pubmedarticleset", "pubmedarticle", "medlinecitationset", "medlinecitation" ->
                    DocumentFormat.PUBMED_XML;
                case "xml", "records" -> head.contains("<record") ? DocumentFormat.ENDNOTE_XML : null;
                default -> null;
            };
        }
        return null;
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
