package com.refractoryatlas.importer.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Which files an import takes. A folder contributes the files whose extension names a format the parser reads
 * ({@link #MEDIA_TYPES}); other files in it are listed as skipped. A file named on the command line is always
 * sent: the service finds the format from the content, the media type is only a hint.
 */
final class DocumentFiles {

    /** The extensions a folder import takes, with the media type sent as a hint. */
    static final Map<String, String> MEDIA_TYPES = Map.ofEntries(
            Map.entry("pdf", "application/pdf"),
            Map.entry("xml", "application/xml"),
            Map.entry("nxml", "application/jats+xml"),
            Map.entry("bib", "application/x-bibtex"),
            Map.entry("ris", "application/x-research-info-systems"),
            Map.entry("json", "application/vnd.citationstyles.csl+json"),
            Map.entry("enw", "application/x-endnote-refer"),
            Map.entry("nbib", "application/nbib"),
            Map.entry("txt", "text/plain"),
            Map.entry("md", "text/markdown"));

    static final String UNKNOWN_MEDIA_TYPE = "application/octet-stream";

    /** One document to send: its path, the source name the job shows, and the media type hint. */
    record DocumentFile(Path path, String source, String mediaType) {}

    /** What the paths given hold: documents to send, and files passed over with the reason. */
    record Selection(List<DocumentFile> documents, List<Skipped> skipped) {}

    record Skipped(Path path, String reason) {}

    private DocumentFiles() {}

    static Selection select(List<Path> paths, boolean recursive) throws IOException {
        var documents = new ArrayList<DocumentFile>();
        var skipped = new ArrayList<Skipped>();
        for (var path : paths) {
            if (Files.isRegularFile(path)) {
                documents.add(document(path, path.getFileName().toString()));
            } else if (Files.isDirectory(path)) {
                addFolder(path, recursive, documents, skipped);
            } else {
                skipped.add(new Skipped(path, "no such file or folder"));
            }
        }
        return new Selection(List.copyOf(documents), List.copyOf(skipped));
    }

    private static void addFolder(Path folder, boolean recursive, List<DocumentFile> documents, List<Skipped> skipped)
            throws IOException {
        try (Stream<Path> entries = recursive ? Files.walk(folder) : Files.list(folder)) {
            for (var file : entries.filter(Files::isRegularFile).sorted().toList()) {
                var relative = folder.relativize(file).toString();
                if (hidden(folder.relativize(file))) {
                    continue;
                }
                if (MEDIA_TYPES.containsKey(extension(file))) {
                    documents.add(document(file, relative));
                } else {
                    skipped.add(new Skipped(file, "not a document type the import reads (" + supported() + ")"));
                }
            }
        }
    }

    private static boolean hidden(Path relative) {
        for (var part : relative) {
            if (part.toString().startsWith(".")) {
                return true;
            }
        }
        return false;
    }

    private static DocumentFile document(Path file, String source) {
        return new DocumentFile(file, source, MEDIA_TYPES.getOrDefault(extension(file), UNKNOWN_MEDIA_TYPE));
    }

    private static String extension(Path file) {
        var name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    static String supported() {
        return MEDIA_TYPES.keySet().stream()
                .sorted()
                .map(ext -> "." + ext)
                .reduce((a, b) -> a + " " + b)
                .orElse("");
    }
}
