package com.refractoryatlas.references.export;

import com.refractoryatlas.references.ReferencesProperties;
import com.refractoryatlas.references.reference.Reference;
import de.undercouch.citeproc.CSL;
import de.undercouch.citeproc.ItemDataProvider;
import de.undercouch.citeproc.csl.CSLItemData;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Renders references as formatted citations with citeproc-java and the official CSL styles and locales. A CSL
 * processor is expensive to create (it parses the style and locale) and keeps mutable state, so each style has a
 * small pool of processors: a render borrows one exclusively, so it is never used by two threads at once, and
 * returns it for the next render.
 */
@Component
public class CitationRenderer {

    private static final Pattern LEADING_NUMBER = Pattern.compile("^\\s*\\[?\\d+\\]?\\.?\\s*");
    private static final String OUTPUT_FORMAT = "text";

    private final Map<CitationStyle, Pool> pools = new EnumMap<>(CitationStyle.class);

    CitationRenderer(ReferencesProperties properties) {
        var export = properties.export();
        pools.put(
                CitationStyle.VANCOUVER,
                new Pool(export.vancouverStyle(), export.locale(), export.processorsPerStyle()));
        pools.put(CitationStyle.APA, new Pool(export.apaStyle(), export.locale(), export.processorsPerStyle()));
    }

    public String render(Reference reference, CitationStyle style) {
        return renderAll(List.of(reference), style).get(reference.id());
    }

    /** Renders every reference in one processor run; answers by reference id. */
    public Map<String, String> renderAll(Collection<Reference> references, CitationStyle style) {
        var items = references.stream().map(CslItems::of).toList();
        var engine = pools.get(style).borrow();
        try {
            var rendered = engine.render(items);
            var result = new LinkedHashMap<String, String>();
            rendered.forEach((id, entry) -> result.put(id, clean(entry, style)));
            return result;
        } finally {
            pools.get(style).giveBack(engine);
        }
    }

    private static String clean(String entry, CitationStyle style) {
        var text = entry.strip();
        return style.numbered() ? LEADING_NUMBER.matcher(text).replaceFirst("") : text;
    }

    /** At most {@code size} processors of one style, created on first need. */
    private static final class Pool {
        private final String style;
        private final String locale;
        private final Semaphore permits;
        private final ConcurrentLinkedQueue<Engine> idle = new ConcurrentLinkedQueue<>();

        Pool(String style, String locale, int size) {
            this.style = style;
            this.locale = locale;
            this.permits = new Semaphore(size, true);
        }

        Engine borrow() {
            permits.acquireUninterruptibly();
            var engine = idle.poll();
            if (engine != null) {
                return engine;
            }
            try {
                return new Engine(style, locale);
            } catch (RuntimeException e) {
                permits.release();
                throw e;
            }
        }

        void giveBack(Engine engine) {
            idle.add(engine);
            permits.release();
        }
    }

    /** One CSL processor and the items it renders; used by one thread at a time. */
    private static final class Engine implements ItemDataProvider {
        private final CSL csl;
        private final Map<String, CSLItemData> items = new HashMap<>();

        Engine(String style, String locale) {
            try {
                this.csl = new CSL(this, style, locale);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot load the CSL style " + style, e);
            }
        }

        /**
         * Renders each item on its own: the processor's bibliography does not say which entry belongs to which item
         * (its entry ids are not filled in), and author-date styles reorder entries, so one item per run is the
         * unambiguous mapping. The parsed style and locale, the expensive part, are reused across runs.
         */
        Map<String, String> render(List<CSLItemData> batch) {
            var result = new LinkedHashMap<String, String>();
            for (var item : batch) {
                items.clear();
                items.put(item.getId(), item);
                csl.reset();
                csl.setOutputFormat(OUTPUT_FORMAT);
                csl.registerCitationItems(item.getId());
                var entries = csl.makeBibliography().getEntries();
                result.put(item.getId(), entries.length == 0 ? "" : entries[0]);
            }
            return result;
        }

        @Override
        public @Nullable CSLItemData retrieveItem(String id) {
            return items.get(id);
        }

        @Override
        public Collection<String> getIds() {
            return items.keySet();
        }
    }
}
