package com.refractoryatlas.importer.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The cue tables and pattern phrases are the data files under {@code /extract/}: each test reads a file straight
 * from the class path and shows that every one of its entries drives the extractor, so that an entry a curator adds
 * there takes effect and none is shadowed by a table in code.
 */
class WordListsTests {

    private static final KnowledgeExtractor EXTRACTOR = new KnowledgeExtractor(Vocabulary.bundled());

    /** The non-comment lines of a data file, as a curator wrote them. */
    private static List<String> lines(String path) {
        try (InputStream in = WordListsTests.class.getResourceAsStream("/extract/" + path + ".txt")) {
            assertThat(in).as(path).isNotNull();
            List<String> out = new ArrayList<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                String entry = line.strip();
                if (!entry.isEmpty() && !entry.startsWith("#")) {
                    out.add(entry);
                }
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Knowledge extract(String... sentences) {
        List<TextSentence> list = new ArrayList<>();
        for (int i = 0; i < sentences.length; i++) {
            list.add(new TextSentence(sentences[i], List.of(), i + 1));
        }
        return EXTRACTOR.extract(List.of(new TextParagraph("Body", list))).knowledge();
    }

    /** The phrase followed by one space (a quoted phrase may end with its own). */
    private static String spaced(String phrase) {
        return phrase.endsWith(" ") ? phrase : phrase + " ";
    }

    /** A phrase as written in a file: a quoted one keeps its spaces. */
    private static String unquoted(String entry) {
        return entry.startsWith("\"") ? entry.substring(1, entry.length() - 1) : entry;
    }

    @Test
    void theTablesInForceAreTheFilesEntriesInFileOrder() {
        assertThat(Cues.FAILURE_CUES)
                .containsExactlyElementsOf(lines("cues/failure-cues").stream()
                        .map(WordListsTests::unquoted)
                        .toList());
        assertThat(Cues.CRITERIA_CUES)
                .containsExactlyElementsOf(lines("cues/criteria-cues").stream()
                        .map(WordListsTests::unquoted)
                        .toList());
        assertThat(Cues.RESISTANCE_CUES)
                .containsExactlyElementsOf(lines("cues/resistance-cues").stream()
                        .map(WordListsTests::unquoted)
                        .toList());
        assertThat(Cues.ADJECTIVAL_FOLLOWERS).containsExactlyInAnyOrderElementsOf(lines("words/adjectival-followers"));
        List<String> roleLines = new ArrayList<>();
        Cues.ROLE_CUES.forEach(r -> r.phrases().forEach(p -> roleLines.add(r.role() + " | " + p)));
        assertThat(roleLines)
                .containsExactlyElementsOf(lines("cues/role-cues").stream()
                        .map(l -> l.substring(0, l.indexOf('|')).strip() + " | "
                                + unquoted(l.substring(l.indexOf('|') + 1).strip()))
                        .toList());
        assertThat(Patterns.QUALIFIERS.stream().map(q -> String.join(" ", q)))
                .containsExactlyElementsOf(lines("patterns/qualifiers"));
        assertThat(Patterns.BACKWARD.stream().map(q -> String.join(" ", q)))
                .containsExactlyElementsOf(lines("patterns/backward-triggers").stream()
                        .map(l -> l.replace("'", ""))
                        .toList());
    }

    @Test
    void everyRoleCueOfTheFileStatesItsRole() {
        List<String> cues = lines("cues/role-cues");
        assertThat(cues).hasSizeGreaterThan(20);
        for (String line : cues) {
            String[] parts = line.split("\\|");
            TreatmentRole role = TreatmentRole.valueOf(parts[0].strip());
            if (role == TreatmentRole.SURGICAL) {
                continue; // the therapy's kind decides it
            }
            String cue = WordLists.phrase(parts[1].strip());
            Knowledge k = extract("Clozapine is the " + spaced(cue) + "treatment for schizophrenia.");
            assertThat(k.treatments())
                    .as(cue)
                    .filteredOn(t -> t.therapyId().equals("clozapine"))
                    .singleElement()
                    .satisfies(t -> assertThat(t.role()).as(cue).isEqualTo(role));
        }
    }

    @Test
    void everyFailureCueOfTheFileMakesTheTherapyTheStandardThatFailed() {
        for (String cue : WordLists.phrases("cues/failure-cues")) {
            Knowledge k = extract("Seizures persist in epilepsy " + cue + " anti-seizure medications.");
            assertThat(k.treatments())
                    .as(cue)
                    .filteredOn(t -> t.conditionId().equals("epilepsy"))
                    .singleElement()
                    .satisfies(t -> assertThat(t.role()).as(cue).isEqualTo(TreatmentRole.STANDARD));
        }
    }

    @Test
    void everyCriteriaCueOfTheFileDefinesRefractoriness() {
        for (String cue : WordLists.phrases("cues/criteria-cues")) {
            Knowledge k = extract("Refractory epilepsy is " + cue + " seizures.");
            assertThat(k.conditions())
                    .as(cue)
                    .filteredOn(c -> c.id().equals("epilepsy"))
                    .singleElement()
                    .satisfies(c -> assertThat(c.refractoryCriteria()).hasSize(1));
        }
        assertThat(extract("Refractory epilepsy is common.").conditions())
                .singleElement()
                .satisfies(c -> assertThat(c.refractoryCriteria()).isEmpty());
    }

    @Test
    void everyResistanceCueOfTheFileLetsMechanismsCount() {
        for (String cue : WordLists.phrases("cues/resistance-cues")) {
            Knowledge k = extract("In cancer, " + spaced(cue) + "is linked to efflux pumps.");
            assertThat(k.mechanisms()).as(cue).extracting(Mechanism::id).containsExactly("drug-efflux-pumps");
        }
        assertThat(extract("In cancer, growth is linked to efflux pumps.").mechanisms())
                .isEmpty();
    }

    @Test
    void everyAdjectivalFollowerOfTheFileMakesTheDrugWordAnAdjective() {
        for (String follower : WordLists.load("adjectival-followers")) {
            assertThat(extract("Ketamine " + follower + " was studied in depression.")
                            .therapies())
                    .as(follower)
                    .isEmpty();
        }
        assertThat(extract("Ketamine was studied in depression.").therapies()).hasSize(1);
    }

    @Test
    void everyQualifierOfTheFileFindsAConditionTheVocabularyLacks() {
        List<String> qualifiers = lines("patterns/qualifiers");
        assertThat(qualifiers).hasSize(Patterns.QUALIFIERS.size());
        for (String qualifier : qualifiers) {
            Knowledge k = extract("Octreotide was tried in " + qualifier + " chylothorax.");
            assertThat(k.conditions()).as(qualifier).extracting(Condition::id).containsExactly("chylothorax");
        }
        assertThat(extract("Octreotide was tried in chylothorax.").conditions()).isEmpty();
    }

    @Test
    void everyTriggerOfTheFileFindsTheConditionBeforeIt() {
        List<String> triggers = lines("patterns/backward-triggers");
        assertThat(triggers).hasSize(Patterns.BACKWARD.size()).contains("hasn't responded");
        for (String trigger : triggers) {
            Knowledge k = extract("Chylothorax that has " + trigger + " octreotide is rare.");
            assertThat(k.conditions()).as(trigger).extracting(Condition::id).containsExactly("chylothorax");
        }
    }

    @Test
    void aQuotedPhraseKeepsItsSpacesAndABadLineIsRefused() {
        assertThat(WordLists.phrase("\"augment \"")).isEqualTo("augment ");
        assertThat(WordLists.phrase("add-on")).isEqualTo("add-on");
        assertThat(Cues.RESISTANCE_CUES).contains("resist ").doesNotContain("\"resist \"");
        assertThatThrownBy(() -> WordLists.phrase("\"augment")).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> Cues.roleCues(List.of("NOT_A_ROLE | x"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Cues.roleCues(List.of("no separator"))).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> WordLists.entries("cues/no-such-list"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("no-such-list");
    }
}
