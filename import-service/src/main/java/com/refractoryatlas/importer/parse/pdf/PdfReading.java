package com.refractoryatlas.importer.parse.pdf;

import com.refractoryatlas.importer.parse.ParseIssue;
import com.refractoryatlas.importer.parse.layout.Layout;
import java.util.List;

/** What reading one PDF gave: its layout, or the one reason it could not be read. */
public sealed interface PdfReading {

    /**
     * The PDF was read.
     *
     * @param layout lines in reading order
     * @param warnings what was skipped on the way (pages over the limit, unreadable pages), never errors
     */
    record Read(Layout layout, List<ParseIssue> warnings) implements PdfReading {

        public Read {
            warnings = List.copyOf(warnings);
        }
    }

    /**
     * Nothing usable could be read.
     *
     * @param issue an error: {@code PDF_ENCRYPTED}, {@code PDF_UNREADABLE}, {@code PDF_NO_TEXT},
     *     {@code PDF_TOO_COMPLEX} or {@code TOO_LARGE}
     */
    record Failed(ParseIssue issue) implements PdfReading {}
}
