package com.refractoryatlas.importer.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The committed corpus is whole, and a broken one is refused with the reason. */
class CorpusIntegrityTests {

    @Test
    void committedCorpusHasGoldForEveryDocumentInBothSplits() {
        Corpus corpus = Corpus.committed();
        assertThat(corpus.golds()).extracting(Gold::split).contains("dev", "holdout");
        assertThat(corpus.golds()).allSatisfy(g -> assertThat(g.documents()).isNotEmpty());
        assertThat(corpus.golds().stream().mapToInt(g -> g.references().size()).sum())
                .isGreaterThan(500);
        assertThat(corpus.golds().stream().flatMap(g -> g.documents().stream()).map(GoldDocument::format))
                .contains("JATS", "PDF", "PDFTOTEXT", "PDFTOTEXT_LAYOUT");
    }

    @Test
    void aDocumentWithoutGoldBreaksTheCorpus(@TempDir Path dir) throws IOException {
        Files.createDirectories(dir.resolve("dev"));
        Files.createDirectories(dir.resolve("holdout"));
        Files.writeString(dir.resolve("dev/stray.txt"), "text");
        assertThatThrownBy(() -> Corpus.load(dir))
                .isInstanceOf(Corpus.BrokenCorpusException.class)
                .hasMessageContaining("dev/stray.txt has no gold");
    }

    @Test
    void anUnprintedMarkOnAnUnknownFieldBreaksTheCorpus(@TempDir Path dir) throws IOException {
        Files.createDirectories(dir.resolve("dev"));
        Files.createDirectories(dir.resolve("holdout"));
        Files.writeString(dir.resolve("dev/a.pdf"), "%PDF-1.4");
        Files.writeString(dir.resolve("dev/a.gold.json"), """
                {"id": "a", "split": "dev", "kind": "JOURNAL_ARTICLE", "title": "T", "firstAuthorFamily": "D",
                 "partial": false, "source": {},
                 "documents": [{"file": "a.pdf", "format": "PDF", "origin": "real", "numbered": true,
                                "unprinted": {"1": ["journalTitle"]}}],
                 "references": [{"number": 1, "title": "X", "labelled": true}]}
                """);
        assertThatThrownBy(() -> Corpus.load(dir))
                .isInstanceOf(Corpus.BrokenCorpusException.class)
                .hasMessageContaining("unknown field journalTitle");
    }

    @Test
    void aMissingDocumentBreaksTheCorpus(@TempDir Path dir) throws IOException {
        Files.createDirectories(dir.resolve("dev"));
        Files.createDirectories(dir.resolve("holdout"));
        Files.writeString(dir.resolve("dev/a.gold.json"), """
                {"id": "a", "split": "dev", "kind": "JOURNAL_ARTICLE", "title": "T", "firstAuthorFamily": "D",
                 "partial": false, "source": {},
                 "documents": [{"file": "a.pdf", "format": "PDF", "origin": "real", "numbered": true}],
                 "references": []}
                """);
        assertThatThrownBy(() -> Corpus.load(dir))
                .isInstanceOf(Corpus.BrokenCorpusException.class)
                .hasMessageContaining("a.pdf is missing");
    }
}
