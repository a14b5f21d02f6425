package com.refractoryatlas.importer.parse;

import com.refractoryatlas.importer.parse.layout.Layout;
import com.refractoryatlas.importer.parse.layout.LayoutLine;
import java.util.List;
import java.util.Locale;

/**
 * Removes the cover page Taylor &amp; Francis (and Informa Healthcare, its imprint) put in front of every downloaded
 * article: "This article was downloaded by: [University …]", the journal's name, the article's title and authors as
 * the cover sets them, "To cite this article: …", "PLEASE SCROLL DOWN FOR ARTICLE" and the terms of use. The article's
 * own front page follows it, so the cover is page furniture: read as the front page, its journal name became the
 * title. A PDF's cover is its whole first page; text has no page ends left, so the cover ends at the terms of use (the
 * line with "terms-and-conditions", at most {@value #MAX_DISCLAIMER_LINES} lines after the "scroll down" line), or at
 * that line when no terms follow. A cover is known by its "scroll down" line within the first {@value #MAX_COVER_LINES}
 * lines, with "To cite this article" or "This article was downloaded by" above it (a PDF reader may already have
 * dropped the latter as a download stamp): bounded work.
 */
final class CoverPages {

    private static final int MAX_COVER_LINES = 120;
    private static final int MAX_DISCLAIMER_LINES = 30;

    private CoverPages() {}

    /** The layout without a download cover page, or the layout itself when it opens with none. */
    static Layout removed(Layout layout) {
        List<LayoutLine> lines = layout.lines();
        int scroll = -1;
        boolean cited = false;
        for (int i = 0; i < Math.min(lines.size(), MAX_COVER_LINES) && scroll < 0; i++) {
            String t = lower(lines.get(i));
            cited |= t.contains("to cite this article") || t.contains("this article was downloaded by");
            if (t.contains("please scroll down for article")) {
                scroll = i;
            }
        }
        if (scroll < 0 || !cited) {
            return layout;
        }
        int end = coverEnd(lines, scroll);
        return new Layout(List.copyOf(lines.subList(end, lines.size())), layout.pages());
    }

    /** The index of the first line after the cover. */
    private static int coverEnd(List<LayoutLine> lines, int scroll) {
        LayoutLine at = lines.get(scroll);
        if (at.style() != null) {
            int page = at.style().page();
            int i = scroll;
            while (i < lines.size()
                    && lines.get(i).style() != null
                    && lines.get(i).style().page() == page) {
                i++;
            }
            return i;
        }
        for (int i = scroll + 1; i < Math.min(lines.size(), scroll + 1 + MAX_DISCLAIMER_LINES); i++) {
            if (lower(lines.get(i)).contains("terms-and-conditions")) {
                return i + 1;
            }
        }
        return scroll + 1;
    }

    private static String lower(LayoutLine line) {
        return line.text().toLowerCase(Locale.ROOT);
    }
}
