package com.refractoryatlas.importer.parse.jats;

import com.refractoryatlas.importer.extract.TextParagraph;
import com.refractoryatlas.importer.extract.TextSentence;
import com.refractoryatlas.importer.parse.ParseIssue;
import com.refractoryatlas.importer.parse.ParsedCitation;
import com.refractoryatlas.importer.parse.StructuredFields;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Turns the {@code xref ref-type="bibr"} markers of each paragraph into citations: the sentence each marker sits in
 * (found by the text path's sentence splitter) becomes a context of every reference it points at. A range printed
 * as two markers joined by a dash ({@code 3–5}) cites the numbers between them too, up to the parser's range limit.
 */
final class Citations {

    /** The references service keeps at most this many contexts per citation. */
    static final int MAX_CONTEXTS = 100;

    private static final Set<String> DASHES = Set.of("-", "–", "—", "‒", "−");

    record Result(List<ParsedCitation> citations, List<TextParagraph> paragraphs) {}

    private Citations() {}

    static Result resolve(
            List<BodyBuilder.Paragraph> paragraphs, Map<String, Integer> numbers, int maxRange, Issues issues) {
        Map<Integer, Set<String>> contexts = new TreeMap<>();
        List<TextParagraph> out = new ArrayList<>();
        for (BodyBuilder.Paragraph p : paragraphs) {
            out.add(paragraph(p, numbers, maxRange, issues, contexts));
        }
        List<ParsedCitation> citations = new ArrayList<>();
        contexts.forEach((n, texts) -> citations.add(new ParsedCitation(n, List.copyOf(texts))));
        return new Result(citations, out);
    }

    private static TextParagraph paragraph(
            BodyBuilder.Paragraph p,
            Map<String, Integer> numbers,
            int maxRange,
            Issues issues,
            Map<Integer, Set<String>> contexts) {
        String text = p.text();
        List<Integer> starts = StructuredFields.sentenceStarts(text);
        if (starts.isEmpty() || starts.get(0) != 0) {
            starts.add(0, 0);
        }
        List<Set<Integer>> cited = new ArrayList<>();
        for (int i = 0; i < starts.size(); i++) {
            cited.add(new LinkedHashSet<>());
        }
        BodyBuilder.Marker previous = null;
        for (BodyBuilder.Marker m : p.markers()) {
            Set<Integer> target = cited.get(sentenceOf(starts, m.start()));
            List<Integer> resolved = numbers(m, numbers, issues);
            target.addAll(resolved);
            if (previous != null && resolved.size() == 1) {
                target.addAll(between(text, previous, m, numbers, resolved.get(0), maxRange));
            }
            previous = m;
        }
        List<TextSentence> sentences = new ArrayList<>();
        for (int i = 0; i < starts.size(); i++) {
            int end = i + 1 < starts.size() ? starts.get(i + 1) : text.length();
            String sentence = text.substring(starts.get(i), end).strip();
            if (sentence.isEmpty()) {
                continue;
            }
            List<Integer> nums = List.copyOf(cited.get(i));
            for (int n : nums) {
                Set<String> texts = contexts.computeIfAbsent(n, k -> new LinkedHashSet<>());
                if (texts.size() < MAX_CONTEXTS) {
                    texts.add(sentence);
                }
            }
            sentences.add(new TextSentence(sentence, nums, p.line()));
        }
        return new TextParagraph(p.heading(), sentences);
    }

    private static int sentenceOf(List<Integer> starts, int offset) {
        int at = Collections.binarySearch(starts, offset);
        return at >= 0 ? at : Math.max(0, -at - 2);
    }

    private static List<Integer> numbers(BodyBuilder.Marker m, Map<String, Integer> numbers, Issues issues) {
        List<Integer> out = new ArrayList<>();
        for (String rid : m.rids()) {
            Integer n = numbers.get(rid);
            if (n == null) {
                issues.warning(
                        ParseIssue.Code.UNKNOWN_CITATION,
                        "a citation points at \"" + rid + "\", which is not in the reference list",
                        m.line());
            } else {
                out.add(n);
            }
        }
        return out;
    }

    private static List<Integer> between(
            String text,
            BodyBuilder.Marker previous,
            BodyBuilder.Marker current,
            Map<String, Integer> numbers,
            int last,
            int maxRange) {
        if (previous.rids().size() != 1 || previous.end() > current.start()) {
            return List.of();
        }
        Integer first = numbers.get(previous.rids().get(0));
        String gap = text.substring(previous.end(), current.start()).strip();
        if (first == null || !DASHES.contains(gap) || last <= first || last - first > maxRange) {
            return List.of();
        }
        List<Integer> out = new ArrayList<>();
        for (int n = first + 1; n < last; n++) {
            out.add(n);
        }
        return out;
    }
}
