package com.refractoryatlas.importer.parse.jats;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.jspecify.annotations.Nullable;

/**
 * StAX set up so that no XML document can reach outside itself or blow up: DTDs are not read (so neither external
 * entities, nor internal entity declarations, nor billion-laughs expansions exist), external entities are refused,
 * and entity references are reported rather than replaced, so an undeclared named entity ({@code &nbsp;}, common in
 * publishers' XML that relies on a DTD) is resolved from a fixed table ({@code parse/xml-entities.txt}) instead of
 * failing the document. XInclude is never processed by StAX.
 */
public final class SafeXml {

    /**
     * Deepest element nesting a reader accepts (real articles nest about 20 deep). The JDK's own limit is set just
     * above it, so that the reader's typed error, not the JDK's, reports it.
     */
    public static final int MAX_DEPTH = 256;

    private static final String ENTITY_TABLE = "/parse/xml-entities.txt";
    private static final int HEX = 16;
    private static final Map<String, String> ENTITIES = loadEntities();
    private static final XMLInputFactory FACTORY = factory();

    private SafeXml() {}

    private static XMLInputFactory factory() {
        XMLInputFactory f = XMLInputFactory.newFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        f.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        f.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        f.setProperty(XMLInputFactory.IS_COALESCING, false);
        f.setProperty("jdk.xml.maxElementDepth", String.valueOf(MAX_DEPTH + 1));
        f.setXMLResolver((publicId, systemId, baseUri, namespace) -> {
            throw new XMLStreamException("external resource refused: " + systemId);
        });
        return f;
    }

    /** A reader over {@code bytes}; the encoding comes from the XML declaration (UTF-8 by default). */
    public static XMLStreamReader open(byte[] bytes) throws XMLStreamException {
        InputStream in = new ByteArrayInputStream(bytes);
        synchronized (FACTORY) {
            return FACTORY.createXMLStreamReader(in);
        }
    }

    /** The text a named entity stands for, or null when it is not in the table. */
    public static @Nullable String entity(String name) {
        return ENTITIES.get(name);
    }

    /** The value of the attribute with this local name, whatever its namespace; null when absent. */
    public static @Nullable String attribute(XMLStreamReader reader, String localName) {
        for (int i = 0; i < reader.getAttributeCount(); i++) {
            if (reader.getAttributeLocalName(i).equals(localName)) {
                return reader.getAttributeValue(i);
            }
        }
        return null;
    }

    /** The line of the reader's current event, 1-based. */
    public static int line(XMLStreamReader reader) {
        return Math.max(1, reader.getLocation().getLineNumber());
    }

    private static Map<String, String> loadEntities() {
        Map<String, String> table = new HashMap<>();
        try (InputStream in = SafeXml.class.getResourceAsStream(ENTITY_TABLE)) {
            if (in == null) {
                throw new IllegalStateException(ENTITY_TABLE + " is missing from the classpath");
            }
            var lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                String[] parts = line.strip().split(" ");
                if (parts.length == 2 && !line.startsWith("#")) {
                    table.put(parts[0], Character.toString(Integer.parseInt(parts[1], HEX)));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Map.copyOf(table);
    }
}
