package com.refractoryatlas.importer.parse.pdf;

import static org.assertj.core.api.Assertions.assertThat;

import com.refractoryatlas.importer.parse.DocumentParser;
import com.refractoryatlas.importer.parse.JournalArticle;
import com.refractoryatlas.importer.parse.ParseIssue;
import com.refractoryatlas.importer.parse.ParsedAuthor;
import com.refractoryatlas.importer.parse.ParsedDocument;
import com.refractoryatlas.importer.parse.Unrecognized;
import com.refractoryatlas.importer.parse.layout.Layout;
import com.refractoryatlas.importer.parse.layout.LayoutLine;
import com.refractoryatlas.importer.parse.layout.TextStyle;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class PdfReaderTests {

    private static final String[] WORDS = ("refractory status epilepticus responded to ketamine infusion after three "
                    + "failed agents and the cohort was followed for twelve months with seizure diaries")
            .split(" ");

    private static final float LEFT = 72;
    private static final float RIGHT = 315;
    private static final float COLUMN_WIDTH = 225;
    private static final float FULL_WIDTH = 468;

    private final PdfReader reader = new PdfReader(PdfSettings.defaults());

    /** Text starting with {@code label} and filled with words to about {@code width} points. */
    static String fill(PDFont font, float size, String label, float width) {
        StringBuilder text = new StringBuilder(label);
        int i = 0;
        while (true) {
            String next = text + " " + WORDS[i++ % WORDS.length];
            if (TestPdf.width(font, size, next) > width) {
                return text.toString();
            }
            text.setLength(0);
            text.append(next);
        }
    }

    private Layout read(byte[] pdf) {
        PdfReading reading = reader.read(pdf);
        assertThat(reading).isInstanceOf(PdfReading.Read.class);
        return ((PdfReading.Read) reading).layout();
    }

    private static List<String> texts(Layout layout) {
        return layout.lines().stream()
                .map(LayoutLine::text)
                .filter(t -> !t.isEmpty())
                .toList();
    }

    private static List<String> labels(Layout layout) {
        return texts(layout).stream().map(t -> t.split(" ")[0]).toList();
    }

    private static ParseIssue failure(PdfReading reading) {
        assertThat(reading).isInstanceOf(PdfReading.Failed.class);
        return ((PdfReading.Failed) reading).issue();
    }

    @Nested
    class ReadingOrder {

        @Test
        void readsAOneColumnPageTopToBottomWhateverOrderItWasDrawnIn() throws IOException {
            try (TestPdf pdf = new TestPdf()) {
                pdf.page();
                for (int i = 20; i >= 1; i--) {
                    pdf.text(pdf.times, 10, LEFT, 100 + 12 * i, fill(pdf.times, 10, "P%02d".formatted(i), FULL_WIDTH));
                }
                List<String> labels = labels(read(pdf.bytes()));
                assertThat(labels).hasSize(20);
                assertThat(labels).isSortedAccordingTo(String::compareTo);
            }
        }

        @Test
        void readsTwoColumnsOneAfterTheOtherBelowAFullWidthTitleAndAbstract() throws IOException {
            try (TestPdf pdf = new TestPdf()) {
                pdf.page();
                pdf.text(pdf.timesBold, 18, LEFT, 80, "Ketamine for refractory status epilepticus in adults");
                for (int i = 1; i <= 4; i++) {
                    pdf.text(pdf.times, 10, LEFT, 100 + 12 * i, fill(pdf.times, 10, "A" + i, FULL_WIDTH));
                }
                for (int i = 1; i <= 30; i++) {
                    float top = 180 + 12 * i;
                    pdf.text(pdf.times, 10, LEFT, top, fill(pdf.times, 10, "L%02d".formatted(i), COLUMN_WIDTH));
                    pdf.text(pdf.times, 10, RIGHT, top, fill(pdf.times, 10, "R%02d".formatted(i), COLUMN_WIDTH));
                }
                Layout layout = read(pdf.bytes());
                List<String> labels = labels(layout);
                List<String> expected = new ArrayList<>(List.of("Ketamine", "A1", "A2", "A3", "A4"));
                for (int i = 1; i <= 30; i++) {
                    expected.add("L%02d".formatted(i));
                }
                for (int i = 1; i <= 30; i++) {
                    expected.add("R%02d".formatted(i));
                }
                assertThat(labels).containsExactlyElementsOf(expected);
                assertThat(texts(layout).get(0)).isEqualTo("Ketamine for refractory status epilepticus in adults");
            }
        }

        @Test
        void findsAFewColumnLinesBelowAFirstPageMostlyFullWidth() throws IOException {
            try (TestPdf pdf = new TestPdf()) {
                pdf.page();
                pdf.text(pdf.timesBold, 18, LEFT, 80, "Ketamine for refractory status epilepticus in adults");
                for (int i = 1; i <= 25; i++) {
                    pdf.text(pdf.times, 10, LEFT, 100 + 12 * i, fill(pdf.times, 10, "A%02d".formatted(i), FULL_WIDTH));
                }
                for (int i = 1; i <= 6; i++) {
                    float top = 420 + 12 * i;
                    pdf.text(pdf.times, 10, LEFT, top, fill(pdf.times, 10, "L%02d".formatted(i), COLUMN_WIDTH));
                    pdf.text(pdf.times, 10, RIGHT, top, fill(pdf.times, 10, "R%02d".formatted(i), COLUMN_WIDTH));
                }
                List<String> labels = labels(read(pdf.bytes()));
                assertThat(labels.subList(labels.size() - 12, labels.size()))
                        .containsExactly(
                                "L01", "L02", "L03", "L04", "L05", "L06", "R01", "R02", "R03", "R04", "R05", "R06");
            }
        }

        @Test
        void aColumnOfReferenceNumbersIsNotAColumnOfText() throws IOException {
            try (TestPdf pdf = new TestPdf()) {
                pdf.page();
                for (int i = 1; i <= 20; i++) {
                    float top = 100 + 24 * i;
                    pdf.text(pdf.times, 10, LEFT, top, i + ".");
                    pdf.text(pdf.times, 10, LEFT + 20, top, fill(pdf.times, 10, "Ref" + i, FULL_WIDTH - 20));
                    pdf.text(pdf.times, 10, LEFT + 20, top + 12, fill(pdf.times, 10, "More" + i, FULL_WIDTH - 20));
                }
                List<String> texts = texts(read(pdf.bytes()));
                assertThat(texts).hasSize(40);
                assertThat(texts.get(0)).startsWith("1. Ref1 ");
                assertThat(texts.get(2)).startsWith("2. Ref2 ");
            }
        }

        @Test
        void aNumberedReferenceListInTheRightColumnKeepsItsNumbersAndItsColumn() throws IOException {
            try (TestPdf pdf = new TestPdf()) {
                pdf.page();
                for (int i = 1; i <= 30; i++) {
                    float top = 80 + 12 * i;
                    pdf.text(pdf.times, 10, LEFT, top, fill(pdf.times, 10, "L%02d".formatted(i), COLUMN_WIDTH));
                    if (i % 2 == 1) {
                        pdf.text(pdf.times, 9, RIGHT, top, (i / 2 + 1) + ".");
                    }
                    String label = (i % 2 == 1 ? "Ref" : "Cont") + (i / 2 + i % 2);
                    pdf.text(pdf.times, 9, RIGHT + 14, top, fill(pdf.times, 9, label, COLUMN_WIDTH - 14));
                }
                List<String> texts = texts(read(pdf.bytes()));
                assertThat(texts).hasSize(60);
                assertThat(texts.subList(0, 30)).allMatch(t -> t.startsWith("L"));
                assertThat(texts.get(30)).startsWith("1. Ref1 ");
                assertThat(texts.get(31)).startsWith("Cont1 ");
                assertThat(texts.get(32)).startsWith("2. Ref2 ");
            }
        }

        @Test
        void aTableInsideTheLeftColumnDoesNotJoinItsLinesToTheRightColumn() throws IOException {
            // a left column with a two-cell table in its middle (a valley inside the column) beside a right column
            // set on another leading, as a reference list in smaller type is: the left column's lines are not
            // full width, so the right column's lines are neither joined to them nor read between them
            try (TestPdf pdf = new TestPdf()) {
                pdf.page();
                for (int i = 1; i <= 36; i++) {
                    float top = 80 + 12 * i;
                    boolean table = i > 10 && i <= 26;
                    if (table) {
                        pdf.text(pdf.times, 10, LEFT, top, fill(pdf.times, 10, "T%02d".formatted(i), 90));
                        pdf.text(pdf.times, 10, LEFT + 125, top, fill(pdf.times, 10, "C%02d".formatted(i), 95));
                    } else {
                        pdf.text(pdf.times, 10, LEFT, top, fill(pdf.times, 10, "L%02d".formatted(i), COLUMN_WIDTH));
                    }
                }
                for (int i = 1; i <= 45; i++) {
                    pdf.text(
                            pdf.times, 8, RIGHT, 83 + 9.4f * i, fill(pdf.times, 8, "R%02d".formatted(i), COLUMN_WIDTH));
                }
                List<String> texts = texts(read(pdf.bytes()));
                assertThat(texts).noneMatch(t -> t.matches("^[LTC]\\d\\d.*") && t.contains(" R"));
                int firstRight = texts.indexOf(texts.stream()
                        .filter(t -> t.startsWith("R"))
                        .findFirst()
                        .orElseThrow());
                assertThat(texts.subList(firstRight, texts.size())).allMatch(t -> t.startsWith("R"));
                assertThat(texts.subList(0, firstRight)).anyMatch(t -> t.startsWith("L36"));
            }
        }

        @Test
        void aFullWidthCaptionInTheMiddleSeparatesTheColumnsAboveFromThoseBelow() throws IOException {
            try (TestPdf pdf = new TestPdf()) {
                pdf.page();
                for (int i = 1; i <= 12; i++) {
                    pdf.text(pdf.times, 10, LEFT, 80 + 12 * i, fill(pdf.times, 10, "U%02d".formatted(i), COLUMN_WIDTH));
                    pdf.text(
                            pdf.times, 10, RIGHT, 80 + 12 * i, fill(pdf.times, 10, "V%02d".formatted(i), COLUMN_WIDTH));
                }
                pdf.text(pdf.times, 9, LEFT, 260, fill(pdf.times, 9, "Table", FULL_WIDTH));
                for (int i = 1; i <= 12; i++) {
                    pdf.text(
                            pdf.times, 10, LEFT, 280 + 12 * i, fill(pdf.times, 10, "W%02d".formatted(i), COLUMN_WIDTH));
                    pdf.text(
                            pdf.times,
                            10,
                            RIGHT,
                            280 + 12 * i,
                            fill(pdf.times, 10, "X%02d".formatted(i), COLUMN_WIDTH));
                }
                List<String> labels = labels(read(pdf.bytes()));
                assertThat(labels.indexOf("U12")).isLessThan(labels.indexOf("V01"));
                assertThat(labels.indexOf("V12")).isLessThan(labels.indexOf("Table"));
                assertThat(labels.indexOf("Table")).isLessThan(labels.indexOf("W01"));
                assertThat(labels.indexOf("W12")).isLessThan(labels.indexOf("X01"));
                assertThat(labels).hasSize(49);
            }
        }

        /**
         * LibreOffice and Word draw their spaces and justify a line by widening them: gaps wider than a run's break
         * that line up over many rows must not read as a gutter inside the left column.
         */
        @Test
        void justifiedWordGapsWithDrawnSpacesAreNoGutter() throws IOException {
            try (TestPdf pdf = new TestPdf()) {
                pdf.page();
                for (int i = 1; i <= 30; i++) {
                    float top = 80 + 12 * i;
                    String first = fill(pdf.times, 10, "J%02d".formatted(i), 100) + " ";
                    float second = LEFT + TestPdf.width(pdf.times, 10, first) + 5.5f;
                    pdf.text(pdf.times, 10, LEFT, top, first);
                    pdf.text(pdf.times, 10, second, top, fill(pdf.times, 10, "half", LEFT + COLUMN_WIDTH - second));
                    pdf.text(pdf.times, 9, RIGHT, top + 5, fill(pdf.times, 9, "R%02d".formatted(i), COLUMN_WIDTH));
                }
                List<String> texts = texts(read(pdf.bytes()));
                List<String> expected = new ArrayList<>();
                for (int i = 1; i <= 30; i++) {
                    expected.add("J%02d".formatted(i));
                }
                for (int i = 1; i <= 30; i++) {
                    expected.add("R%02d".formatted(i));
                }
                assertThat(texts.stream().map(t -> t.split(" ")[0])).containsExactlyElementsOf(expected);
                assertThat(texts.subList(0, 30)).allMatch(t -> t.contains(" half "));
            }
        }

        /**
         * Some typesetters draw no space glyphs and leave each word where it belongs: a loosely set, ragged reference
         * list then has word gaps of three quarters of the font size, wider than a row's usual cut. Where a table
         * above made a valley inside the column, the references' word gaps at the valley are word gaps still: the
         * reference lines stay whole (Cell Press's Trends journals read "Long-distance seed" with "dispersal in
         * plant" moved out of the entry).
         */
        @Test
        void wordGapsWithoutSpaceGlyphsAtAValleyInsideTheColumnStayWordGaps() throws IOException {
            try (TestPdf pdf = new TestPdf()) {
                pdf.page();
                for (int i = 1; i <= 16; i++) {
                    float top = 80 + 12 * i;
                    pdf.text(pdf.times, 10, LEFT, top, fill(pdf.times, 10, "T%02d".formatted(i), 90));
                    pdf.text(pdf.times, 10, LEFT + 125, top, fill(pdf.times, 10, "C%02d".formatted(i), 95));
                }
                for (int i = 1; i <= 16; i++) {
                    float top = 290 + 12 * i;
                    float x = LEFT;
                    List<String> words = new ArrayList<>(List.of("Q%02d".formatted(i)));
                    words.addAll(List.of(
                            fill(pdf.times, 10, "seed", 95 - 3 * (i % 3)).split(" ")));
                    words.addAll(List.of("dispersal", "in", "plant"));
                    for (String word : words) {
                        pdf.text(pdf.times, 10, x, top, word);
                        x += TestPdf.width(pdf.times, 10, word) + 7.5f;
                    }
                }
                for (int i = 1; i <= 40; i++) {
                    pdf.text(
                            pdf.times, 10, RIGHT, 80 + 12 * i, fill(pdf.times, 10, "R%02d".formatted(i), COLUMN_WIDTH));
                }
                List<String> texts = texts(read(pdf.bytes()));
                List<String> references =
                        texts.stream().filter(t -> t.startsWith("Q")).toList();
                assertThat(references).hasSize(16).allMatch(t -> t.endsWith(" dispersal in plant"));
                assertThat(texts).noneMatch(t -> t.startsWith("dispersal") || t.startsWith("in plant"));
            }
        }

        @Test
        void anEmptyStripAcrossBothColumnsEndsABand() throws IOException {
            try (TestPdf pdf = new TestPdf()) {
                pdf.page();
                for (int i = 1; i <= 20; i++) {
                    float top = 80 + 12 * i;
                    pdf.text(pdf.times, 10, LEFT, top, fill(pdf.times, 10, "L%02d".formatted(i), COLUMN_WIDTH));
                    pdf.text(pdf.times, 10, RIGHT, top, fill(pdf.times, 10, "R%02d".formatted(i), COLUMN_WIDTH));
                }
                pdf.text(pdf.timesBold, 10, LEFT, 400, "References");
                for (int i = 1; i <= 10; i++) {
                    float top = 412 + 10 * i;
                    pdf.text(pdf.times, 8, LEFT, top, fill(pdf.times, 8, "Ref%02d".formatted(i), COLUMN_WIDTH));
                    pdf.text(pdf.times, 8, RIGHT, top, fill(pdf.times, 8, "Sef%02d".formatted(i), COLUMN_WIDTH));
                }
                List<String> expected = new ArrayList<>();
                for (String prefix : List.of("L", "R")) {
                    for (int i = 1; i <= 20; i++) {
                        expected.add(prefix + "%02d".formatted(i));
                    }
                }
                expected.add("References");
                for (String prefix : List.of("Ref", "Sef")) {
                    for (int i = 1; i <= 10; i++) {
                        expected.add(prefix + "%02d".formatted(i));
                    }
                }
                assertThat(labels(read(pdf.bytes()))).containsExactlyElementsOf(expected);
            }
        }

        @Test
        void aTitlesShortLastLineStaysInTheFullWidthBand() throws IOException {
            try (TestPdf pdf = new TestPdf()) {
                pdf.page();
                pdf.text(pdf.timesBold, 17, LEFT, 80, "Ketamine for refractory status epilepticus in adults and");
                pdf.text(pdf.timesBold, 17, LEFT, 100, "children");
                pdf.text(pdf.times, 10, LEFT, 120, fill(pdf.times, 10, "Jane Roe, John Doe", FULL_WIDTH));
                for (int i = 1; i <= 30; i++) {
                    float top = 150 + 12 * i;
                    pdf.text(pdf.times, 10, LEFT, top, fill(pdf.times, 10, "L%02d".formatted(i), COLUMN_WIDTH));
                    pdf.text(pdf.times, 10, RIGHT, top, fill(pdf.times, 10, "R%02d".formatted(i), COLUMN_WIDTH));
                }
                List<String> lines =
                        read(pdf.bytes()).lines().stream().map(LayoutLine::text).toList();
                int title = lines.indexOf("Ketamine for refractory status epilepticus in adults and");
                assertThat(lines.get(title + 1)).isEqualTo("children");
                assertThat(lines.get(title + 2)).startsWith("Jane Roe");
            }
        }

        @Test
        void aNarrowSidebarInSmallerTypeIsReadAfterTheColumnsBesideIt() throws IOException {
            try (TestPdf pdf = new TestPdf()) {
                pdf.page();
                pdf.text(pdf.timesBold, 18, 150, 80, "Ketamine for refractory status epilepticus");
                for (int i = 1; i <= 20; i++) {
                    float top = 120 + 12 * i;
                    pdf.text(pdf.times, 8, 40, top, fill(pdf.times, 8, "S%02d".formatted(i), 90));
                    pdf.text(pdf.times, 10, 150, top, fill(pdf.times, 10, "M%02d".formatted(i), 190));
                    pdf.text(pdf.times, 10, 360, top, fill(pdf.times, 10, "N%02d".formatted(i), 190));
                }
                List<String> expected = new ArrayList<>(List.of("Ketamine"));
                for (String prefix : List.of("M", "N", "S")) {
                    for (int i = 1; i <= 20; i++) {
                        expected.add(prefix + "%02d".formatted(i));
                    }
                }
                assertThat(labels(read(pdf.bytes()))).containsExactlyElementsOf(expected);
            }
        }

        @Test
        void aBylinesShortLastLineContinuesItsFullWidthFirstLine() throws IOException {
            try (TestPdf pdf = new TestPdf()) {
                pdf.page();
                pdf.text(pdf.times, 10, LEFT, 80, fill(pdf.times, 10, "Jane Roe1 & John Doe2 & Ann Poe1 &", 330));
                pdf.text(pdf.times, 10, LEFT, 92, "Mike Lonergan1,4 & Pat Pomeroy1");
                pdf.text(pdf.times, 9, LEFT, 160, fill(pdf.times, 9, "Received: 13 April 2015", FULL_WIDTH));
                for (int i = 1; i <= 30; i++) {
                    float top = 180 + 12 * i;
                    pdf.text(pdf.times, 10, LEFT, top, fill(pdf.times, 10, "L%02d".formatted(i), COLUMN_WIDTH));
                    pdf.text(pdf.times, 10, RIGHT, top, fill(pdf.times, 10, "R%02d".formatted(i), COLUMN_WIDTH));
                }
                List<String> lines =
                        read(pdf.bytes()).lines().stream().map(LayoutLine::text).toList();
                assertThat(lines.get(0)).startsWith("Jane Roe1");
                assertThat(lines.get(1)).isEqualTo("Mike Lonergan1,4 & Pat Pomeroy1");
            }
        }

        @Test
        void recordsFontSizeWeightPageAndColumnOfEachLine() throws IOException {
            try (TestPdf pdf = new TestPdf()) {
                pdf.page();
                pdf.text(pdf.timesBold, 18, LEFT, 80, "Ketamine for refractory status epilepticus in adults");
                for (int i = 1; i <= 20; i++) {
                    pdf.text(
                            pdf.times, 10, LEFT, 120 + 12 * i, fill(pdf.times, 10, "L%02d".formatted(i), COLUMN_WIDTH));
                    pdf.text(
                            pdf.times,
                            10,
                            RIGHT,
                            120 + 12 * i,
                            fill(pdf.times, 10, "R%02d".formatted(i), COLUMN_WIDTH));
                }
                pdf.page().text(pdf.times, 10, LEFT, 100, "Second page text line");
                Layout layout = read(pdf.bytes());
                TextStyle title = style(layout, "Ketamine");
                TextStyle left = style(layout, "L05");
                TextStyle right = style(layout, "R05");
                assertThat(title.fontSize()).isEqualTo(18f);
                assertThat(title.bold()).isTrue();
                assertThat(left.fontSize()).isEqualTo(10f);
                assertThat(left.bold()).isFalse();
                assertThat(left.column()).isZero();
                assertThat(right.column()).isOne();
                assertThat(right.x()).isCloseTo(RIGHT, org.assertj.core.data.Offset.offset(0.5f));
                assertThat(right.y()).isCloseTo(180f, org.assertj.core.data.Offset.offset(0.5f));
                assertThat(style(layout, "Second").page()).isEqualTo(2);
                assertThat(layout.pages()).isEqualTo(2);
            }
        }

        private static TextStyle style(Layout layout, String label) {
            return layout.lines().stream()
                    .filter(l -> l.text().startsWith(label))
                    .findFirst()
                    .orElseThrow()
                    .style();
        }
    }

    @Nested
    class PageFurniture {

        /** Full-width body lines labelled by page and number ("B101", "B102", …), 12 points apart from 102 down. */
        private void bodyLines(TestPdf pdf, int page, int count) {
            for (int i = 1; i <= count; i++) {
                String label = "B%d%02d".formatted(page, i);
                pdf.text(pdf.times, 10, LEFT, 90 + 12 * i, fill(pdf.times, 10, label, FULL_WIDTH));
            }
        }

        @Test
        void removesAManuscriptsLineNumbersInTheMarginAndTheGutter() throws IOException {
            try (TestPdf pdf = new TestPdf()) {
                pdf.page();
                for (int i = 1; i <= 40; i++) {
                    float top = 100 + 14 * i;
                    pdf.text(pdf.times, 10, LEFT, top, fill(pdf.times, 10, "L%02d".formatted(i), COLUMN_WIDTH - 12));
                    pdf.text(pdf.times, 10, RIGHT, top, fill(pdf.times, 10, "R%02d".formatted(i), COLUMN_WIDTH));
                    if (i % 5 == 0) { // every fifth line numbered, left margin and gutter (RSC's manuscripts)
                        pdf.text(pdf.times, 7, LEFT - 30, top, String.valueOf(i));
                        pdf.text(pdf.times, 7, LEFT + COLUMN_WIDTH + 2, top, String.valueOf(40 + i));
                    }
                }
                List<String> texts = texts(read(pdf.bytes()));
                assertThat(texts).hasSize(80);
                assertThat(texts).allMatch(t -> t.startsWith("L") || t.startsWith("R"));
                assertThat(texts).noneMatch(t -> t.matches(".*\\s\\d+$"));
            }
        }

        @Test
        void referenceNumbersBesideEntriesOfSeveralLinesAreNoLineNumbers() throws IOException {
            try (TestPdf pdf = new TestPdf()) {
                pdf.page();
                for (int i = 1; i <= 12; i++) { // bare labels ("1  Smith J ..."), two lines an entry, a wide gap
                    float top = 100 + 28 * i;
                    pdf.text(pdf.times, 10, LEFT, top, String.valueOf(i));
                    pdf.text(pdf.times, 10, LEFT + 24, top, fill(pdf.times, 10, "Ref" + i, FULL_WIDTH - 24));
                    pdf.text(pdf.times, 10, LEFT + 24, top + 14, fill(pdf.times, 10, "More" + i, FULL_WIDTH - 24));
                }
                List<String> texts = texts(read(pdf.bytes()));
                assertThat(texts).hasSize(24);
                assertThat(texts.get(0)).startsWith("1 Ref1 ");
                assertThat(texts.get(22)).startsWith("12 Ref12 ");
            }
        }

        @Test
        void removesRunningHeadersFootersPageNumbersAndDownloadStamps() throws IOException {
            try (TestPdf pdf = new TestPdf()) {
                for (int page = 1; page <= 3; page++) {
                    pdf.page();
                    pdf.text(
                            pdf.helvetica,
                            8,
                            LEFT,
                            40,
                            "Journal of Refractory Disease 2024; 12: 1%d–19".formatted(page));
                    if (page == 2) {
                        pdf.text(pdf.helvetica, 8, 450, 52, "Smith et al.");
                    }
                    bodyLines(pdf, page, 30);
                    pdf.text(
                            pdf.helvetica,
                            6,
                            LEFT,
                            740,
                            "Downloaded from https://example.org/doi/10.1000/x on 3 March 2024");
                    pdf.text(pdf.times, 9, 300, 760, String.valueOf(page + 10));
                }
                List<String> texts = texts(read(pdf.bytes()));
                assertThat(texts).hasSize(90);
                assertThat(texts).allMatch(t -> t.startsWith("B"));
            }
        }

        @Test
        void dropsTextDrawnRotatedInTheMarginButKeepsTheBody() throws IOException {
            try (TestPdf pdf = new TestPdf()) {
                pdf.page();
                pdf.rotated(
                        pdf.helvetica,
                        7,
                        30,
                        700,
                        90,
                        "Downloaded from https://journals.example.org by guest on 1 May 2024");
                pdf.rotated(pdf.helvetica, 30, 150, 600, 45, "DRAFT WATERMARK");
                for (int i = 1; i <= 10; i++) {
                    pdf.text(pdf.times, 10, LEFT, 100 + 12 * i, fill(pdf.times, 10, "B%02d".formatted(i), FULL_WIDTH));
                }
                String text = read(pdf.bytes()).text();
                assertThat(text).doesNotContain("Downloaded").doesNotContain("WATERMARK");
                assertThat(texts(read(pdf.bytes()))).hasSize(10);
            }
        }

        /** Wiley's 737-point pages set the footer 74 points above the foot: a tenth of the page and a little more. */
        @Test
        void removesARunningFooterSetHigherThanATenthOfThePage() throws IOException {
            try (TestPdf pdf = new TestPdf()) {
                for (int page = 1; page <= 3; page++) {
                    pdf.page();
                    bodyLines(pdf, page, 40);
                    pdf.text(
                            pdf.times,
                            8,
                            LEFT,
                            700,
                            "Copyright © 2001 John Wiley & Sons, Ltd. Statist. Med. 2001; 20:2935–2949");
                }
                List<String> texts = texts(read(pdf.bytes()));
                assertThat(texts).hasSize(120).allMatch(t -> t.startsWith("B"));
            }
        }

        /**
         * A reference that ends at the foot of a column leaves a last line of numbers there: "553–567." on one page
         * and "199–213." on the next are one key once digits are masked, and "1395." reads like a page number; all
         * three are the ends of references. The page number below them goes.
         */
        @Test
        void keepsTheLastLinesOfReferencesAtTheFootOfAPage() throws IOException {
            List<String> tails = List.of("553–567.", "199–213.", "1395.");
            try (TestPdf pdf = new TestPdf()) {
                for (int page = 1; page <= 3; page++) {
                    pdf.page();
                    bodyLines(pdf, page, 40);
                    pdf.text(pdf.times, 10, LEFT, 745, "Science 273: 1392–");
                    pdf.text(pdf.times, 10, LEFT, 757, tails.get(page - 1));
                    pdf.text(pdf.times, 9, 300, 775, String.valueOf(page + 10));
                }
                List<String> texts = texts(read(pdf.bytes()));
                assertThat(texts).containsAll(tails).noneMatch(t -> t.matches("1[123]"));
            }
        }

        @Test
        void keepsBodyLinesThatOnlyLookLikeFurniture() throws IOException {
            try (TestPdf pdf = new TestPdf()) {
                pdf.page();
                pdf.text(pdf.times, 10, LEFT, 300, "Smith et al. reported the first series of adults.");
                pdf.text(pdf.times, 10, LEFT, 312, "42");
                pdf.text(pdf.times, 10, LEFT, 324, "Data were downloaded from the registry on 1 May.");
                List<String> texts = texts(read(pdf.bytes()));
                assertThat(texts)
                        .containsExactly(
                                "Smith et al. reported the first series of adults.",
                                "42",
                                "Data were downloaded from the registry on 1 May.");
            }
        }
    }

    @Nested
    class Characters {

        @Test
        void expandsLigaturesAndNormalizesOddSpaces() throws IOException {
            try (TestPdf pdf = new TestPdf()) {
                pdf.page();
                PDFont font = pdf.liberation();
                pdf.text(font, 10, LEFT, 100, "The \uFB01rst \uFB02ow was signi\uFB01cant");
                pdf.text(font, 10, LEFT, 112, "dose\u00A010\u2009mg per\u200Bday");
                List<String> texts = texts(read(pdf.bytes()));
                assertThat(texts).containsExactly("The first flow was significant", "dose 10 mg perday");
            }
        }

        /**
         * Elsevier sets its affiliation marks as superscript letters right after the name: "Hammill^a" must not read
         * "Hammilla". Superscript digits stay glued to their word, as flattened citation numbers are.
         */
        @Test
        void setsASuperscriptLetterApartFromTheWordBeforeIt() throws IOException {
            try (TestPdf pdf = new TestPdf()) {
                pdf.page();
                float x = LEFT;
                for (String[] part :
                        new String[][] {{"Jane Hammill", "a"}, {", John Smith", "b,"}, {" therapy", "12"}}) {
                    pdf.text(pdf.times, 10, x, 100, part[0]);
                    x += TestPdf.width(pdf.times, 10, part[0]);
                    pdf.text(pdf.times, 7, x, 96.5f, part[1]);
                    x += TestPdf.width(pdf.times, 7, part[1]);
                }
                assertThat(texts(read(pdf.bytes()))).containsExactly("Jane Hammill a, John Smith b, therapy12");
            }
        }

        @Test
        void keepsLineEndHyphensAndTurnsALineEndSoftHyphenIntoOne() throws IOException {
            try (TestPdf pdf = new TestPdf()) {
                pdf.page();
                pdf.text(pdf.times, 10, LEFT, 100, "a systematic review and meta-");
                pdf.text(pdf.times, 10, LEFT, 112, "analysis of ketamine in refrac\u00AD");
                pdf.text(pdf.times, 10, LEFT, 124, "tory status epi\u00ADlepticus");
                List<String> texts = texts(read(pdf.bytes()));
                assertThat(texts)
                        .containsExactly(
                                "a systematic review and meta-",
                                "analysis of ketamine in refrac-",
                                "tory status epilepticus");
            }
        }

        @Test
        void mergesAnAccentDrawnAsItsOwnGlyphIntoItsLetter() throws IOException {
            try (TestPdf pdf = new TestPdf()) {
                pdf.page();
                float x = LEFT + TestPdf.width(pdf.times, 10, "Caf");
                float e = TestPdf.width(pdf.times, 10, "e");
                float accent = TestPdf.width(pdf.times, 10, "\u00B4");
                pdf.text(pdf.times, 10, LEFT, 100, "Caf");
                pdf.text(pdf.times, 10, x + (e - accent) / 2, 100, "\u00B4");
                pdf.text(pdf.times, 10, x, 100, "e");
                assertThat(texts(read(pdf.bytes()))).containsExactly("Caf\u00E9");
            }
        }

        @Test
        void measuresAStandardFontWithItsOwnMetricsWhenItsEncodingDiffers() throws IOException {
            // BMC's provisional PDFs: Times-Roman, not embedded, with /Differences; each word placed at its true
            // position, so a word measured with the substitute font's wider glyphs runs into the next one
            try (TestPdf pdf = new TestPdf()) {
                pdf.page();
                PDFont times = pdf.timesWithDifferences();
                String first = "Rimar S, Schr";
                pdf.text(times, 12, LEFT, 100, first);
                pdf.text(times, 12, LEFT + TestPdf.width(pdf.times, 12, first), 100, "eiber MD, Polin RA");
                assertThat(texts(read(pdf.bytes()))).containsExactly("Rimar S, Schreiber MD, Polin RA");
            }
        }
    }

    @Nested
    class HostileInput {

        @Test
        void aPdfThatNeedsAPasswordIsEncrypted() throws IOException {
            try (TestPdf pdf = new TestPdf()) {
                pdf.page().text(pdf.times, 10, LEFT, 100, "Secret body text");
                ParseIssue issue = failure(reader.read(pdf.encrypted("owner", "user")));
                assertThat(issue.code()).isEqualTo(ParseIssue.Code.PDF_ENCRYPTED);
                assertThat(issue.severity()).isEqualTo(ParseIssue.Severity.ERROR);
            }
        }

        @Test
        void aPdfWithOnlyAnOwnerPasswordIsRead() throws IOException {
            try (TestPdf pdf = new TestPdf()) {
                pdf.page().text(pdf.times, 10, LEFT, 100, "Open body text");
                assertThat(texts(read(pdf.encrypted("owner", "")))).containsExactly("Open body text");
            }
        }

        @Test
        void aPdfCutShortAfterItsHeaderIsUnreadable() throws IOException {
            try (TestPdf pdf = new TestPdf()) {
                pdf.page().text(pdf.times, 10, LEFT, 100, "Body text");
                byte[] bytes = pdf.bytes();
                assertThat(failure(reader.read(Arrays.copyOf(bytes, 40))).code())
                        .isEqualTo(ParseIssue.Code.PDF_UNREADABLE);
            }
        }

        @Test
        void aPdfCutAnywhereGivesATypedResultNeverAnException() throws IOException {
            try (TestPdf pdf = new TestPdf()) {
                for (int page = 1; page <= 3; page++) {
                    pdf.page().text(pdf.times, 10, LEFT, 100, "Body text of page " + page);
                }
                byte[] bytes = pdf.bytes();
                for (int cut = 0; cut < bytes.length; cut += Math.max(1, bytes.length / 40)) {
                    PdfReading reading = reader.read(Arrays.copyOf(bytes, cut));
                    if (reading instanceof PdfReading.Failed failed) {
                        assertThat(failed.issue().code())
                                .isIn(ParseIssue.Code.PDF_UNREADABLE, ParseIssue.Code.PDF_NO_TEXT);
                    } else {
                        assertThat(((PdfReading.Read) reading).layout().text()).contains("Body text of page");
                    }
                }
            }
        }

        @Test
        void bytesThatAreNoPdfAreUnreadable() {
            byte[] bytes = "%PDF-1.7\nthis is not a pdf at all, just text\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
            assertThat(failure(reader.read(bytes)).code()).isEqualTo(ParseIssue.Code.PDF_UNREADABLE);
        }

        @Test
        void aScannedPdfWithoutTextHasNoText() throws IOException {
            try (TestPdf pdf = new TestPdf()) {
                pdf.page().scannedImage();
                pdf.page().scannedImage();
                ParseIssue issue = failure(reader.read(pdf.bytes()));
                assertThat(issue.code()).isEqualTo(ParseIssue.Code.PDF_NO_TEXT);
                assertThat(issue.message()).contains("OCR");
            }
        }

        @Test
        void readsOnlyTheFirstPagesOfALongPdfAndSaysSo() throws IOException {
            try (TestPdf pdf = new TestPdf()) {
                for (int page = 1; page <= 5; page++) {
                    pdf.page().text(pdf.times, 10, LEFT, 300, "Text of page " + page);
                }
                PdfReading reading = new PdfReader(PdfSettings.defaults().withMaxPages(2)).read(pdf.bytes());
                PdfReading.Read read = (PdfReading.Read) reading;
                assertThat(texts(read.layout())).containsExactly("Text of page 1", "Text of page 2");
                assertThat(read.layout().pages()).isEqualTo(2);
                assertThat(read.warnings())
                        .extracting(ParseIssue::code)
                        .containsExactly(ParseIssue.Code.PDF_PAGES_TRUNCATED);
            }
        }

        @Test
        void stopsAtTheGlyphBudget() throws IOException {
            try (TestPdf pdf = new TestPdf()) {
                pdf.page();
                for (int i = 1; i <= 50; i++) {
                    pdf.text(pdf.times, 10, LEFT, 60 + 12 * i, fill(pdf.times, 10, "G" + i, FULL_WIDTH));
                }
                PdfReading reading = new PdfReader(PdfSettings.defaults().withMaxGlyphs(1000)).read(pdf.bytes());
                assertThat(failure(reading).code()).isEqualTo(ParseIssue.Code.PDF_TOO_COMPLEX);
            }
        }

        @Test
        void aContentStreamThatInflatesPastTheContentBudgetIsTooComplex() throws IOException {
            byte[] bomb = pdfWithContent(deflate(20 * 1024 * 1024));
            assertThat(bomb.length).isLessThan(100_000);
            PdfReading reading = new PdfReader(PdfSettings.defaults().withMaxContentBytes(1024 * 1024)).read(bomb);
            assertThat(failure(reading).code()).isEqualTo(ParseIssue.Code.PDF_TOO_COMPLEX);
        }

        @Test
        void aPdfOverTheSizeLimitIsTooLarge() throws IOException {
            try (TestPdf pdf = new TestPdf()) {
                pdf.page().text(pdf.times, 10, LEFT, 100, "Body");
                byte[] bytes = pdf.bytes();
                PdfSettings settings = new PdfSettings(bytes.length - 1, 10, 1 << 20, 1000, 1000, 1 << 20);
                assertThat(failure(new PdfReader(settings).read(bytes)).code()).isEqualTo(ParseIssue.Code.TOO_LARGE);
            }
        }

        /** {@code size} bytes of spaces, deflated: a few kilobytes on the wire. */
        private static byte[] deflate(int size) throws IOException {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (DeflaterOutputStream deflater = new DeflaterOutputStream(out, new Deflater(9))) {
                byte[] spaces = new byte[64 * 1024];
                Arrays.fill(spaces, (byte) ' ');
                for (int written = 0; written < size; written += spaces.length) {
                    deflater.write(spaces);
                }
            }
            return out.toByteArray();
        }

        /** A one-page PDF written by hand around a flate-encoded content stream, with a correct xref table. */
        private static byte[] pdfWithContent(byte[] deflated) throws IOException {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            List<Integer> offsets = new ArrayList<>();
            write(out, "%PDF-1.7\n");
            offsets.add(out.size());
            write(out, "1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n");
            offsets.add(out.size());
            write(out, "2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj\n");
            offsets.add(out.size());
            write(out, "3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R >> endobj\n");
            offsets.add(out.size());
            write(out, "4 0 obj << /Length " + deflated.length + " /Filter /FlateDecode >> stream\n");
            out.write(deflated);
            write(out, "\nendstream endobj\n");
            int xref = out.size();
            StringBuilder table = new StringBuilder("xref\n0 5\n0000000000 65535 f \n");
            for (int offset : offsets) {
                table.append("%010d 00000 n \n".formatted(offset));
            }
            write(out, table + "trailer << /Size 5 /Root 1 0 R >>\nstartxref\n" + xref + "\n%%EOF\n");
            return out.toByteArray();
        }

        private static void write(ByteArrayOutputStream out, String text) {
            out.writeBytes(text.getBytes(StandardCharsets.US_ASCII));
        }
    }

    @Nested
    class ThroughTheDocumentParser {

        private final DocumentParser parser = new DocumentParser();

        @Test
        void readsAPdfFoundFromItsContent() throws IOException {
            try (TestPdf pdf = new TestPdf()) {
                pdf.page();
                pdf.text(pdf.timesBold, 18, LEFT, 80, "Ketamine for refractory status epilepticus");
                for (int i = 1; i <= 30; i++) {
                    pdf.text(pdf.times, 10, LEFT, 100 + 12 * i, fill(pdf.times, 10, "Body", FULL_WIDTH));
                }
                ParsedDocument document = parser.parse("upload.bin", pdf.bytes(), null);
                assertThat(document).isNotInstanceOf(Unrecognized.class);
                assertThat(document.issues()).noneMatch(i -> i.code().name().startsWith("PDF_"));
            }
        }

        /**
         * JSTOR's cover page sets "Author(s): …", "Source: …" and the rest in the title's type right under it: the
         * title ends there, and that line is the byline, one author or several.
         */
        @Test
        void aCoverPagesAuthorsLineInTheTitlesTypeEndsTheTitleAndIsTheByline() throws IOException {
            for (String authors : List.of("Wei Pan", "Huiman X. Barnhart and John M. Williamson")) {
                try (TestPdf pdf = new TestPdf()) {
                    pdf.page();
                    String[] cover = {
                        "Clozapine for Treatment-Resistant Schizophrenia in Adults",
                        "Author(s): " + authors,
                        "Source: Vol. 29, No. 1 (Mar., 2002), pp. 101-110",
                        "Published by: Blackwell Publishing",
                        "Stable URL: http://www.jstor.org/stable/4616702 ."
                    };
                    for (int i = 0; i < cover.length; i++) {
                        pdf.text(pdf.times, 11, LEFT, 150 + 14 * i, cover[i]);
                    }
                    for (int i = 1; i <= 30; i++) {
                        pdf.text(pdf.times, 8, LEFT, 260 + 10 * i, fill(pdf.times, 8, "Body", FULL_WIDTH));
                    }
                    pdf.text(pdf.timesBold, 9, LEFT, 590, "References");
                    pdf.text(
                            pdf.times,
                            8,
                            LEFT,
                            604,
                            "1. Kane J, Honigfeld G. Clozapine for the treatment-resistant"
                                    + " schizophrenic. Arch Gen Psychiatry 1988;45:789-96.");
                    pdf.text(
                            pdf.times,
                            8,
                            LEFT,
                            616,
                            "2. Meltzer HY. Treatment-resistant schizophrenia. J Clin" + " Psychiatry 1997;58:12-19.");
                    JournalArticle a = (JournalArticle) parser.parse("cover.pdf", pdf.bytes(), "application/pdf");
                    assertThat(a.metadata().title())
                            .isEqualTo("Clozapine for Treatment-Resistant Schizophrenia in Adults");
                    assertThat(a.metadata().authors())
                            .first()
                            .extracting(ParsedAuthor::family)
                            .isIn("Pan", "Barnhart");
                }
            }
        }

        @Test
        void reportsAnEncryptedPdfAsUnrecognizedWithItsCode() throws IOException {
            try (TestPdf pdf = new TestPdf()) {
                pdf.page().text(pdf.times, 10, LEFT, 100, "Secret body text");
                ParsedDocument document = parser.parse("secret.pdf", pdf.encrypted("owner", "user"), "application/pdf");
                assertThat(document).isInstanceOf(Unrecognized.class);
                assertThat(document.issues())
                        .extracting(ParseIssue::code)
                        .containsExactly(ParseIssue.Code.PDF_ENCRYPTED);
            }
        }
    }
}
