package com.refractoryatlas.importer.extract;

import com.refractoryatlas.importer.extract.PhraseIndex.Hit;
import com.refractoryatlas.importer.extract.Tokens.Token;
import com.refractoryatlas.importer.extract.Vocabulary.ConditionTerm;
import com.refractoryatlas.importer.extract.Vocabulary.MechanismTerm;
import com.refractoryatlas.importer.extract.Vocabulary.TherapyTerm;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Finds conditions, therapies, mechanisms, refractoriness criteria and condition × therapy pairings in paragraphs
 * of text: the curated {@link Vocabulary} first, then pattern rules ("treatment-refractory X", "drug-resistant X",
 * "X that has not responded to", "rescue therapy for X") for conditions the vocabulary lacks. Stateless after
 * construction and thread-safe; linear in the text size (one hash look-up per word).
 */
public final class KnowledgeExtractor {

    private final Vocabulary vocabulary;
    private final PhraseIndex<Object> entities = new PhraseIndex<>();
    private final PhraseIndex<MechanismTerm> mechanisms = new PhraseIndex<>();

    public KnowledgeExtractor(Vocabulary vocabulary) {
        this.vocabulary = vocabulary;
        for (ConditionTerm c : vocabulary.conditions()) {
            entities.add(c.name(), c);
            c.aliases().forEach(a -> entities.add(a, c));
        }
        for (TherapyTerm t : vocabulary.therapies()) {
            entities.add(t.name(), t);
            t.aliases().forEach(a -> entities.add(a, t));
        }
        for (MechanismTerm m : vocabulary.mechanisms()) {
            mechanisms.add(m.name(), m);
            m.triggers().forEach(a -> mechanisms.add(a, m));
        }
    }

    /** Extracts from a document body; paragraphs headed "References" hold one reference title each. */
    public Extraction extract(List<TextParagraph> paragraphs) {
        Run run = new Run();
        for (TextParagraph p : paragraphs) {
            run.paragraph(p);
        }
        return run.result();
    }

    /** A condition, therapy or mechanism mention in one sentence. */
    private record Mention(String id, int from, int to, int startChar, int endChar) {}

    /** At most this many conditions of the previous sentence carry over to a sentence naming only therapies. */
    private static final int MAX_CARRIED = 2;

    /** The state of one extraction. */
    private final class Run {
        private final Map<String, ConditionAcc> conditions = new LinkedHashMap<>();
        private final Map<String, TherapyAcc> therapies = new LinkedHashMap<>();
        private final Map<String, MechanismAcc> mechanismsFound = new LinkedHashMap<>();
        private final Map<String, TreatmentAcc> treatments = new LinkedHashMap<>();
        private final List<ExtractionNote> notes = new ArrayList<>();

        /**
         * One pass over the paragraph's sentences. Each sentence is lower-cased once for the cue searches; the role a
         * whole sentence states is looked for only when a therapy-only sentence carries the previous one's
         * conditions.
         */
        void paragraph(TextParagraph p) {
            List<TextSentence> sentences = p.sentences();
            Set<String> paragraphConditions = new LinkedHashSet<>();
            List<String> previousConditions = List.of();
            String previousLower = "";
            List<PendingMechanism> pending = new ArrayList<>();
            List<List<Integer>> refsBySentence = citations(sentences);
            boolean paragraphAboutResistance = false;
            for (int index = 0; index < sentences.size(); index++) {
                TextSentence s = sentences.get(index);
                String lower = Cues.lower(s.text());
                boolean aboutResistance = Cues.aboutResistance(lower);
                paragraphAboutResistance |= index == 0 && aboutResistance;
                List<Token> tokens = Tokens.of(s.text());
                List<Mention> conditionMentions = new ArrayList<>();
                List<Mention> therapyMentions = new ArrayList<>();
                mentions(s, tokens, conditionMentions, therapyMentions);
                List<String> sentenceConditions = ids(conditionMentions);
                criteria(s, lower, sentenceConditions, previousConditions);
                List<Integer> refs = refsBySentence.get(index);
                if (!therapyMentions.isEmpty()) {
                    if (!conditionMentions.isEmpty()) {
                        pair(conditionMentions, therapyMentions, null, s, lower, refs);
                    } else if (!previousConditions.isEmpty() && previousConditions.size() <= MAX_CARRIED) {
                        List<Mention> carried = new ArrayList<>();
                        previousConditions.forEach(c -> carried.add(new Mention(c, -1, -1, -1, -1)));
                        pair(carried, therapyMentions, carriedRole(lower, previousLower), s, lower, refs);
                    }
                }
                if (paragraphAboutResistance || aboutResistance) {
                    // a mechanism named again in the same sentence links nothing new: one pending link per sentence
                    Set<String> named = new HashSet<>();
                    for (Hit<MechanismTerm> hit : mechanisms.find(tokens)) {
                        if (named.add(hit.target().id())) {
                            pending.add(new PendingMechanism(hit.target(), s.text(), sentenceConditions));
                        }
                    }
                }
                paragraphConditions.addAll(sentenceConditions);
                if (!sentenceConditions.isEmpty()) {
                    previousConditions = sentenceConditions;
                    previousLower = lower;
                }
            }
            Set<String> linkedToParagraph = new HashSet<>();
            for (PendingMechanism m : pending) {
                mechanism(m, paragraphConditions, linkedToParagraph);
            }
        }

        /**
         * The role for therapies paired with the previous sentence's conditions: none (each mention's own cue) when
         * this sentence states a role, else the role the previous sentence states.
         */
        private @Nullable TreatmentRole carriedRole(String lower, String previousLower) {
            if (Cues.role(lower, 0, lower.length()) != TreatmentRole.UNSPECIFIED) {
                return null;
            }
            return Cues.role(previousLower, 0, previousLower.length());
        }

        /**
         * For each sentence: its own markers, else those of the nearest citing sentence after it, else before it.
         * Two linear passes.
         */
        private List<List<Integer>> citations(List<TextSentence> sentences) {
            int n = sentences.size();
            List<List<Integer>> out = new ArrayList<>(java.util.Collections.nCopies(n, List.of()));
            List<Integer> next = List.of();
            for (int i = n - 1; i >= 0; i--) {
                if (!sentences.get(i).citations().isEmpty()) {
                    next = sentences.get(i).citations();
                }
                out.set(i, next);
            }
            List<Integer> previous = List.of();
            for (int i = 0; i < n; i++) {
                if (!sentences.get(i).citations().isEmpty()) {
                    previous = sentences.get(i).citations();
                }
                if (out.get(i).isEmpty()) {
                    out.set(i, previous);
                }
            }
            return out;
        }

        /** "antidepressant effects": a drug word used as an adjective, not a therapy mention. */
        private boolean adjectival(List<Token> tokens, Hit<Object> hit) {
            if (hit.to() >= tokens.size() || tokens.get(hit.to()).gapBefore()) {
                return false;
            }
            String surface = tokens.get(hit.to() - 1).text();
            return !surface.endsWith("s")
                    && Cues.ADJECTIVAL_FOLLOWERS.contains(tokens.get(hit.to()).norm());
        }

        private List<String> ids(List<Mention> mentions) {
            Set<String> out = new LinkedHashSet<>();
            for (Mention m : mentions) {
                out.add(m.id());
            }
            return List.copyOf(out);
        }

        private void mentions(TextSentence s, List<Token> tokens, List<Mention> cs, List<Mention> ts) {
            List<Hit<Object>> hits = entities.find(tokens);
            boolean[] covered = new boolean[tokens.size()];
            for (Hit<Object> hit : hits) {
                for (int i = hit.from(); i < hit.to(); i++) {
                    covered[i] = true;
                }
                String surface = s.text()
                        .substring(
                                tokens.get(hit.from()).start(),
                                tokens.get(hit.to() - 1).end());
                if (hit.target() instanceof ConditionTerm c) {
                    ConditionAcc acc = condition(c.id(), c.name(), c.specialty(), c.aliases(), true);
                    if (!surface.endsWith("'s") && !surface.endsWith("’s")) {
                        acc.observe(surface);
                    }
                    cs.add(new Mention(c.id(), hit.from(), hit.to(), 0, 0));
                } else if (hit.target() instanceof TherapyTerm t) {
                    if (adjectival(tokens, hit)) {
                        continue;
                    }
                    TherapyAcc acc = therapy(t);
                    if (PhraseIndex.isAbbreviation(surface)) {
                        acc.observe(surface);
                    }
                    ts.add(new Mention(
                            t.id(),
                            hit.from(),
                            hit.to(),
                            tokens.get(hit.from()).start(),
                            tokens.get(hit.to() - 1).end()));
                }
            }
            for (Patterns.Found f : Patterns.conditions(tokens, covered)) {
                String name = Patterns.name(s.text(), tokens, f.from(), f.to());
                String id = Vocabulary.slug(name);
                if (id.isEmpty()) {
                    continue;
                }
                boolean fresh = !conditions.containsKey(id);
                ConditionAcc acc = condition(id, name, Specialty.OTHER, List.of(), false);
                acc.observe(f.phrase());
                cs.add(new Mention(id, f.from(), f.to(), 0, 0));
                if (fresh) {
                    notes.add(new ExtractionNote(
                            "condition '" + name + "' found by the pattern \"" + f.rule()
                                    + "\" is not in the vocabulary; added with specialty OTHER",
                            s.line()));
                }
            }
            cs.sort((a, b) -> Integer.compare(a.from(), b.from()));
        }

        private void criteria(
                TextSentence s, String lower, List<String> sentenceConditions, List<String> previousConditions) {
            if (!Cues.definesRefractoriness(lower)) {
                return;
            }
            List<String> targets = sentenceConditions.isEmpty() ? previousConditions : sentenceConditions;
            for (String id : targets) {
                ConditionAcc acc = conditions.get(id);
                if (acc != null) {
                    acc.criteria.add(s.text());
                }
            }
        }

        private void pair(
                List<Mention> cs,
                List<Mention> ts,
                @Nullable TreatmentRole carriedRole,
                TextSentence s,
                String lower,
                List<Integer> refs) {
            boolean all = cs.size() == 1 || cs.size() * ts.size() <= Cues.MAX_CROSS_PAIRS;
            List<Mention> sorted = new ArrayList<>(cs);
            sorted.sort(java.util.Comparator.comparingInt(Mention::from));
            int cursor = 0;
            for (Mention t : ts) {
                TreatmentRole cue = carriedRole != null ? carriedRole : Cues.role(lower, t.startChar(), t.endChar());
                if (all) {
                    for (Mention c : cs) {
                        treatment(c.id(), t.id(), cue, s.text(), refs);
                    }
                    continue;
                }
                cursor = nearest(sorted, t, cursor);
                treatment(sorted.get(cursor).id(), t.id(), cue, s.text(), refs);
            }
        }

        /**
         * The condition nearest the therapy, searched from the previous answer: therapies come in sentence order, so
         * the cursor only moves forward and one sentence costs linear time however many mentions it has.
         */
        private int nearest(List<Mention> cs, Mention t, int from) {
            int best = Math.min(from, cs.size() - 1);
            while (best + 1 < cs.size() && distance(cs.get(best + 1), t) <= distance(cs.get(best), t)) {
                best++;
            }
            return best;
        }

        private static int distance(Mention c, Mention t) {
            return Math.min(Math.abs(c.from() - t.to()), Math.abs(t.from() - c.to()));
        }

        private void treatment(
                String conditionId, String therapyId, TreatmentRole cue, String sentence, List<Integer> refs) {
            TherapyAcc therapy = therapies.get(therapyId);
            TreatmentRole role = cue;
            if (role == TreatmentRole.UNSPECIFIED && therapy != null) {
                role = Cues.defaultRole(therapy.term);
            }
            TreatmentAcc acc = treatments.computeIfAbsent(
                    conditionId + "\u0000" + therapyId, k -> new TreatmentAcc(conditionId, therapyId, sentence));
            if (role.ordinal() < acc.role.ordinal()) {
                acc.role = role;
            }
            acc.references.addAll(refs);
        }

        /**
         * Links a mechanism to its sentence's conditions, else to the paragraph's: those once per mechanism and
         * paragraph (adding them again adds nothing); with one pending link per mechanism and sentence, a paragraph
         * costs mentions + conditions, not their product.
         */
        private void mechanism(PendingMechanism m, Set<String> paragraphConditions, Set<String> linkedToParagraph) {
            MechanismAcc acc =
                    mechanismsFound.computeIfAbsent(m.term().id(), k -> new MechanismAcc(m.term(), m.sentence()));
            if (!m.sentenceConditions().isEmpty()) {
                acc.conditionIds.addAll(m.sentenceConditions());
            } else if (linkedToParagraph.add(m.term().id())) {
                acc.conditionIds.addAll(paragraphConditions);
            }
        }

        private ConditionAcc condition(
                String id, String name, Specialty specialty, List<String> aliases, boolean fromVocabulary) {
            return conditions.computeIfAbsent(id, k -> new ConditionAcc(id, name, specialty, aliases, fromVocabulary));
        }

        private TherapyAcc therapy(TherapyTerm t) {
            return therapies.computeIfAbsent(t.id(), k -> new TherapyAcc(t));
        }

        Extraction result() {
            List<Condition> cs = new ArrayList<>();
            conditions.values().forEach(c -> cs.add(c.build()));
            List<Therapy> ts = new ArrayList<>();
            therapies.values().forEach(t -> ts.add(t.build()));
            List<Mechanism> ms = new ArrayList<>();
            mechanismsFound.values().forEach(m -> ms.add(m.build()));
            List<Treatment> tr = new ArrayList<>();
            treatments.values().forEach(t -> tr.add(t.build()));
            return new Extraction(new Knowledge(cs, ts, ms, tr, vocabulary.version()), notes);
        }
    }

    private record PendingMechanism(MechanismTerm term, String sentence, List<String> sentenceConditions) {}

    /** Aliases: vocabulary ones first, then surface forms met in the text, without case duplicates or the name. */
    private static final class Aliases {
        private final String name;
        private final Map<String, String> byLower = new LinkedHashMap<>();

        Aliases(String name, List<String> initial) {
            this.name = name;
            initial.forEach(this::add);
        }

        void add(String alias) {
            String a = alias.strip();
            String key = PhraseIndex.isAbbreviation(a) ? a : a.toLowerCase(java.util.Locale.ROOT);
            if (!a.isEmpty() && !a.equalsIgnoreCase(name) && !byLower.containsKey(key)) {
                byLower.put(key, a);
            }
        }

        List<String> list() {
            return List.copyOf(byLower.values());
        }
    }

    private static final class ConditionAcc {
        final String id;
        final String name;
        final Specialty specialty;
        final Aliases aliases;
        final boolean fromVocabulary;
        final Set<String> criteria = new LinkedHashSet<>();

        ConditionAcc(String id, String name, Specialty specialty, List<String> aliases, boolean fromVocabulary) {
            this.id = id;
            this.name = name;
            this.specialty = specialty;
            this.aliases = new Aliases(name, aliases);
            this.fromVocabulary = fromVocabulary;
        }

        void observe(String surface) {
            aliases.add(surface);
        }

        Condition build() {
            return new Condition(id, name, aliases.list(), specialty, List.copyOf(criteria), fromVocabulary);
        }
    }

    private static final class TherapyAcc {
        final TherapyTerm term;
        final Aliases aliases;

        TherapyAcc(TherapyTerm term) {
            this.term = term;
            this.aliases = new Aliases(term.name(), term.aliases());
        }

        void observe(String surface) {
            aliases.add(surface);
        }

        Therapy build() {
            return new Therapy(term.id(), term.name(), aliases.list(), term.kind(), term.drugClass());
        }
    }

    private static final class MechanismAcc {
        final MechanismTerm term;
        final String description;
        final Set<String> conditionIds = new LinkedHashSet<>();

        MechanismAcc(MechanismTerm term, String description) {
            this.term = term;
            this.description = description;
        }

        Mechanism build() {
            return new Mechanism(term.id(), term.name(), description, List.copyOf(conditionIds));
        }
    }

    private static final class TreatmentAcc {
        final String conditionId;
        final String therapyId;
        final String summary;
        TreatmentRole role = TreatmentRole.UNSPECIFIED;
        final Set<Integer> references = new LinkedHashSet<>();

        TreatmentAcc(String conditionId, String therapyId, String summary) {
            this.conditionId = conditionId;
            this.therapyId = therapyId;
            this.summary = summary;
        }

        Treatment build() {
            List<Integer> sorted = new ArrayList<>(references);
            sorted.sort(Integer::compare);
            return new Treatment(conditionId, therapyId, role, summary, sorted);
        }
    }
}
