package com.refractoryatlas.importer.parse;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The body of a parsed document as the knowledge extractor reads it, rebuilt from the result alone — sections split
 * into paragraphs and sentences, each sentence with the reference numbers its citations link to, and for an article
 * one sentence per reference title. Rebuilding from the result (not from parser state) is what lets extraction run
 * after parsing, on a document from any reader.
 */
public final class DocumentBody {

    /** The heading under which reference titles are handed to the extractor. */
    public static final String REFERENCES = "References";

    private DocumentBody() {}

    /** One paragraph under its section heading. */
    public record Paragraph(String heading, List<Sentence> sentences) {

        public Paragraph {
            sentences = List.copyOf(sentences);
        }
    }

    /** One sentence and the reference numbers it cites. */
    public record Sentence(String text, List<Integer> citations, int line) {

        public Sentence {
            citations = List.copyOf(citations);
        }
    }

    public static List<Paragraph> of(ParsedDocument document) {
        return switch (document) {
            case JournalArticle a -> article(a);
            case ExplainerPage p -> sections(p.sections(), Map.of());
            case ReferenceList l -> List.of();
            case Unrecognized u -> List.of();
        };
    }

    private static List<Paragraph> article(JournalArticle a) {
        Map<String, List<Integer>> cited = new HashMap<>();
        for (ParsedCitation c : a.citations()) {
            for (String context : c.contexts()) {
                cited.computeIfAbsent(context, k -> new ArrayList<>()).add(c.number());
            }
        }
        List<Paragraph> out = new ArrayList<>(sections(a.sections(), cited));
        for (ParsedReference r : a.references()) {
            out.add(new Paragraph(REFERENCES, List.of(new Sentence(r.title(), List.of(r.number()), r.line()))));
        }
        return out;
    }

    private static List<Paragraph> sections(List<Section> sections, Map<String, List<Integer>> cited) {
        int maxRange = ParserSettings.defaults().maxCitationRange();
        List<Paragraph> out = new ArrayList<>();
        for (Section s : sections) {
            for (String paragraph : s.text().split("\n\n")) {
                if (paragraph.isBlank()) {
                    continue;
                }
                List<Sentence> sentences = new ArrayList<>();
                for (Sentences.Sentence sentence : Sentences.split(paragraph, maxRange)) {
                    sentences.add(new Sentence(sentence.text(), cited.getOrDefault(sentence.text(), List.of()), 0));
                }
                out.add(new Paragraph(s.heading(), sentences));
            }
        }
        return out;
    }
}
