package com.refractoryatlas.importer.parse.jats;

import com.refractoryatlas.importer.parse.Section;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Body (and abstract) sections as they stream past: a {@code sec} opens a section, its direct {@code title} names it,
 * and nested sections are flattened in document order with an explicit stack (a parent's text before a child is
 * emitted before the child; text after it continues under the parent's heading). Paragraphs are kept with the
 * {@code xref} markers found in them so that citations can be resolved once the reference list is known.
 */
final class BodyBuilder {

    /** An {@code xref ref-type="bibr"} in a paragraph: where its text starts and ends, and the ids it points at. */
    record Marker(int start, int end, List<String> rids, int line) {}

    /** One paragraph of a section, with its citation markers. */
    record Paragraph(String heading, String text, List<Marker> markers, int line) {}

    private static final class Open {
        private String heading;
        private final StringBuilder text = new StringBuilder();

        private Open(String heading) {
            this.heading = heading;
        }
    }

    private final Deque<Open> open = new ArrayDeque<>();
    private final List<Section> sections = new ArrayList<>();
    private final List<Paragraph> paragraphs = new ArrayList<>();

    /** A {@code sec}, {@code abstract} or {@code body} starts: what came before it is flushed under its heading. */
    void openSection(String defaultHeading) {
        flush();
        String inherited = open.isEmpty() ? defaultHeading : open.peek().heading;
        open.push(new Open(defaultHeading.isEmpty() ? inherited : defaultHeading));
    }

    /** The current section's own {@code title}. */
    void heading(String title) {
        if (!open.isEmpty() && !title.isBlank()) {
            flush();
            open.peek().heading = title;
        }
    }

    void closeSection() {
        flush();
        if (!open.isEmpty()) {
            open.pop();
        }
    }

    void paragraph(String text, List<Marker> markers, int line) {
        if (text.isBlank()) {
            return;
        }
        if (open.isEmpty()) {
            open.push(new Open(""));
        }
        Open current = open.peek();
        if (!current.text.isEmpty()) {
            current.text.append("\n\n");
        }
        current.text.append(text);
        paragraphs.add(new Paragraph(current.heading, text, List.copyOf(markers), line));
    }

    private void flush() {
        Open current = open.peek();
        if (current != null && !current.text.isEmpty()) {
            sections.add(new Section(current.heading, current.text.toString()));
            current.text.setLength(0);
        }
    }

    List<Section> sections() {
        while (!open.isEmpty()) {
            closeSection();
        }
        return List.copyOf(sections);
    }

    List<Paragraph> paragraphs() {
        return paragraphs;
    }
}
