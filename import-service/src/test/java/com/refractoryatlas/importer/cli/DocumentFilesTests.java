package com.refractoryatlas.importer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DocumentFilesTests {

    @TempDir
    Path folder;

    @Test
    void aFolderContributesEveryDocumentTypeTheParserReadsAndListsTheRestAsSkipped() throws IOException {
        for (var name : List.of("a.pdf", "b.nxml", "c.xml", "d.bib", "e.ris", "f.json", "g.txt", "h.md", "i.docx")) {
            Files.writeString(folder.resolve(name), "x");
        }

        var selection = DocumentFiles.select(List.of(folder), false);

        assertThat(selection.documents())
                .extracting(DocumentFiles.DocumentFile::source)
                .containsExactly("a.pdf", "b.nxml", "c.xml", "d.bib", "e.ris", "f.json", "g.txt", "h.md");
        assertThat(selection.documents().getFirst().mediaType()).isEqualTo("application/pdf");
        assertThat(selection.skipped()).singleElement().satisfies(skipped -> {
            assertThat(skipped.path().getFileName()).hasToString("i.docx");
            assertThat(skipped.reason()).contains(".pdf", ".bib");
        });
    }

    @Test
    void subFoldersAreReadOnlyWhenAskedAndHiddenFilesNever() throws IOException {
        Files.createDirectories(folder.resolve("sub"));
        Files.createDirectories(folder.resolve(".git"));
        Files.writeString(folder.resolve("sub/nested.txt"), "x");
        Files.writeString(folder.resolve(".git/config.txt"), "x");
        Files.writeString(folder.resolve(".hidden.txt"), "x");

        assertThat(DocumentFiles.select(List.of(folder), false).documents()).isEmpty();
        assertThat(DocumentFiles.select(List.of(folder), true).documents())
                .extracting(DocumentFiles.DocumentFile::source)
                .containsExactly(Path.of("sub", "nested.txt").toString());
    }

    @Test
    void aFileNamedOnTheCommandLineIsSentWhateverItsExtensionAndAMissingPathIsReported() throws IOException {
        var odd = Files.writeString(folder.resolve("export.dat"), "x");

        var selection = DocumentFiles.select(List.of(odd, folder.resolve("missing")), false);

        assertThat(selection.documents()).singleElement().satisfies(document -> {
            assertThat(document.source()).isEqualTo("export.dat");
            assertThat(document.mediaType()).isEqualTo(DocumentFiles.UNKNOWN_MEDIA_TYPE);
        });
        assertThat(selection.skipped()).singleElement().satisfies(skipped -> assertThat(skipped.reason())
                .isEqualTo("no such file or folder"));
    }
}
