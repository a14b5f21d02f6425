package com.refractoryatlas.importer.parse.bibliography;

import com.refractoryatlas.importer.parse.ParseIssue;
import com.refractoryatlas.importer.parse.jats.Issues;
import com.refractoryatlas.importer.parse.jats.SafeXml;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.jspecify.annotations.Nullable;

/**
 * A flat walk over an XML export of records (PubMed, EndNote XML): the element path as an explicit stack with a depth
 * limit, skipped subtrees, and the text of every element a record reader asks for (inline markup included), handed
 * to it when the element ends. Entity handling and XXE safety come from {@link SafeXml}.
 */
abstract class XmlFields {

    private final List<String> path = new ArrayList<>();
    private final Set<String> skipped;
    private int skipDepth = -1;
    private @Nullable StringBuilder capture;
    private int captureDepth = -1;

    XmlFields(Set<String> skipped) {
        this.skipped = skipped;
    }

    /** An element starts; return true to receive its text in {@link #field}. */
    abstract boolean start(String name, String parent, XMLStreamReader reader);

    /** An element whose text was asked for ends. */
    abstract void field(String name, String parent, String text, int line);

    /** Any element ends (after {@link #field}). */
    abstract void end(String name, int line);

    /** Reads the whole document; false (with an error in {@code issues}) when it cannot be read. */
    boolean read(byte[] bytes, Issues issues) {
        try {
            XMLStreamReader reader = SafeXml.open(bytes);
            while (reader.hasNext()) {
                if (!event(reader, reader.next(), issues)) {
                    return false;
                }
            }
            reader.close();
            return true;
        } catch (XMLStreamException | RuntimeException e) {
            Integer line = e instanceof XMLStreamException x && x.getLocation() != null
                    ? Math.max(1, x.getLocation().getLineNumber())
                    : null;
            String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            issues.error(
                    ParseIssue.Code.MALFORMED_XML,
                    "not well-formed XML: "
                            + m.lines().reduce((a, b) -> b).orElse(m).strip(),
                    line);
            return false;
        }
    }

    private boolean event(XMLStreamReader reader, int event, Issues issues) {
        switch (event) {
            case XMLStreamConstants.START_ELEMENT -> {
                return startElement(reader, issues);
            }
            case XMLStreamConstants.END_ELEMENT -> endElement(reader);
            case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE ->
                text(reader.getText());
            case XMLStreamConstants.ENTITY_REFERENCE -> entity(reader, issues);
            default -> {
                // comments, processing instructions, the unread DTD
            }
        }
        return true;
    }

    private boolean startElement(XMLStreamReader reader, Issues issues) {
        String name = reader.getLocalName();
        String parent = path.isEmpty() ? "" : path.get(path.size() - 1);
        path.add(name);
        if (path.size() > SafeXml.MAX_DEPTH) {
            issues.error(
                    ParseIssue.Code.NESTING_TOO_DEEP,
                    "elements nest deeper than " + SafeXml.MAX_DEPTH + " levels",
                    SafeXml.line(reader));
            return false;
        }
        if (skipDepth > 0) {
            return true;
        }
        if (skipped.contains(name)) {
            skipDepth = path.size();
            return true;
        }
        if (capture != null) {
            return true;
        }
        if (start(name, parent, reader)) {
            capture = new StringBuilder();
            captureDepth = path.size();
        }
        return true;
    }

    private void endElement(XMLStreamReader reader) {
        int depth = path.size();
        String name = path.remove(depth - 1);
        if (skipDepth > 0) {
            if (depth == skipDepth) {
                skipDepth = -1;
            }
            return;
        }
        StringBuilder text = capture;
        if (text != null && depth == captureDepth) {
            capture = null;
            captureDepth = -1;
            field(
                    name,
                    path.isEmpty() ? "" : path.get(path.size() - 1),
                    text.toString().strip(),
                    SafeXml.line(reader));
        }
        if (capture == null) {
            end(name, SafeXml.line(reader));
        }
    }

    private void text(String s) {
        if (skipDepth < 0 && capture != null) {
            capture.append(s);
        }
    }

    private void entity(XMLStreamReader reader, Issues issues) {
        String value = SafeXml.entity(reader.getLocalName());
        if (value == null) {
            issues.warning(
                    ParseIssue.Code.UNKNOWN_ENTITY,
                    "unknown entity &" + reader.getLocalName() + "; left out",
                    SafeXml.line(reader));
            return;
        }
        text(value);
    }

    static @Nullable String attribute(XMLStreamReader reader, String name) {
        return SafeXml.attribute(reader, name);
    }
}
