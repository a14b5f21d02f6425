package com.refractoryatlas.importer.parse.pdf;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSInteger;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.util.Matrix;

/**
 * Builds PDFs for tests with PDFBox itself: text at given positions (y measured from the page's top, like the
 * reader's output), rotated text, images, several pages, encryption. Letter-size pages, 612 x 792 points.
 */
final class TestPdf implements AutoCloseable {

    static final float WIDTH = PDRectangle.LETTER.getWidth();
    static final float HEIGHT = PDRectangle.LETTER.getHeight();

    final PDFont times = new PDType1Font(Standard14Fonts.FontName.TIMES_ROMAN);
    final PDFont timesBold = new PDType1Font(Standard14Fonts.FontName.TIMES_BOLD);
    final PDFont helvetica = new PDType1Font(Standard14Fonts.FontName.HELVETICA);

    private final PDDocument document = new PDDocument();
    private PDPageContentStream content;
    private PDFont liberation;

    /** Starts a new page; text and images go on the newest page. */
    TestPdf page() {
        try {
            closeContent();
            PDPage page = new PDPage(PDRectangle.LETTER);
            document.addPage(page);
            content = new PDPageContentStream(document, page);
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A font with ligature glyphs (ﬁ ﬂ) and the thin and zero-width spaces, embedded: PDFBox's Liberation Sans. */
    PDFont liberation() {
        if (liberation == null) {
            try (InputStream ttf = PDDocument.class.getResourceAsStream(
                    "/org/apache/pdfbox/resources/ttf/LiberationSans-Regular.ttf")) {
                liberation = PDType0Font.load(document, ttf);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return liberation;
    }

    /**
     * Times-Roman, not embedded and without widths, whose encoding changes a code of the standard one ({@code 39
     * /quotesingle}), as many typesetters write it: readers must measure it with Times' metrics all the same.
     */
    PDFont timesWithDifferences() {
        PDType1Font font = new PDType1Font(Standard14Fonts.FontName.TIMES_ROMAN);
        COSDictionary encoding = new COSDictionary();
        encoding.setItem(COSName.TYPE, COSName.ENCODING);
        COSArray differences = new COSArray();
        differences.add(COSInteger.get(39));
        differences.add(COSName.getPDFName("quotesingle"));
        encoding.setItem(COSName.DIFFERENCES, differences);
        font.getCOSObject().setItem(COSName.ENCODING, encoding);
        return font;
    }

    /** Draws {@code text} with its baseline at {@code top} points from the page's top. */
    TestPdf text(PDFont font, float size, float x, float top, String text) {
        try {
            content.beginText();
            content.setFont(font, size);
            content.newLineAtOffset(x, HEIGHT - top);
            content.showText(text);
            content.endText();
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Draws {@code text} turned by {@code degrees} counter-clockwise around its start. */
    TestPdf rotated(PDFont font, float size, float x, float top, double degrees, String text) {
        try {
            content.beginText();
            content.setFont(font, size);
            content.setTextMatrix(Matrix.getRotateInstance(Math.toRadians(degrees), x, HEIGHT - top));
            content.showText(text);
            content.endText();
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Draws a grey image over most of the page, as a scanner would. */
    TestPdf scannedImage() {
        try {
            BufferedImage image = new BufferedImage(200, 260, BufferedImage.TYPE_INT_RGB);
            for (int y = 0; y < image.getHeight(); y++) {
                for (int x = 0; x < image.getWidth(); x++) {
                    image.setRGB(x, y, (x * 7 + y * 13) % 2 == 0 ? 0xEEEEEE : 0x333333);
                }
            }
            PDImageXObject xobject = LosslessFactory.createFromImage(document, image);
            content.drawImage(xobject, 36, 36, WIDTH - 72, HEIGHT - 72);
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Width of {@code text} in {@code font} at {@code size}. */
    static float width(PDFont font, float size, String text) {
        try {
            return font.getStringWidth(text) / 1000 * size;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    byte[] bytes() {
        try {
            closeContent();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Saved with an owner and a user password; 40-bit RC4 would do, AES-128 is what current tools write. */
    byte[] encrypted(String ownerPassword, String userPassword) {
        try {
            closeContent();
            StandardProtectionPolicy policy =
                    new StandardProtectionPolicy(ownerPassword, userPassword, new AccessPermission());
            policy.setEncryptionKeyLength(128);
            document.protect(policy);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void closeContent() throws IOException {
        if (content != null) {
            content.close();
            content = null;
        }
    }

    @Override
    public void close() throws IOException {
        closeContent();
        document.close();
    }
}
