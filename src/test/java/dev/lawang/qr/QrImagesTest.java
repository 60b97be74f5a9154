package dev.lawang.qr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import com.google.zxing.qrcode.encoder.Encoder;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

class QrImagesTest {
    static final String TEXT = "LW1:J6036W9CSLVA$BCX507H0QS00+0J61%H1CT1W.1/Y1H20/Y1H20K.698GMFWMM8E QEW2QN02J6$17N3I-PJ-"
            + "X0DT3I1W9:AO/FSD8J.FM8PGSO2RL*7472BFFFB39TBCSGCS1D14ASQH5+I-$8:BE4.G-9Q6:ERVC8*9C%6$:S7A1OLV";

    @Test
    void png_isAnImageOfExactlyTheRequestedSizeThatReadsBack() throws IOException {
        byte[] png = QrImages.png(TEXT, 512);

        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        assertThat(image.getWidth()).isEqualTo(512);
        assertThat(image.getHeight()).isEqualTo(512);
        assertThat(DesktopImages.read(image)).contains(TEXT);
    }

    @Test
    void png_leavesAQuietZoneOfAtLeastFourModules() throws Exception {
        int modules = Encoder.encode(TEXT, ErrorCorrectionLevel.M, Map.of()).getMatrix().getWidth();
        int sizePx = 512;
        int scale = sizePx / (modules + 8);
        int margin = (sizePx - modules * scale) / 2;
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(QrImages.png(TEXT, sizePx)));

        assertThat(margin).isGreaterThanOrEqualTo(4 * scale);
        for (int i = 0; i < sizePx; i++) {
            for (int m = 0; m < margin; m++) {
                assertThat(image.getRGB(i, m) & 0xFFFFFF).isEqualTo(0xFFFFFF);
                assertThat(image.getRGB(m, i) & 0xFFFFFF).isEqualTo(0xFFFFFF);
                assertThat(image.getRGB(i, sizePx - 1 - m) & 0xFFFFFF).isEqualTo(0xFFFFFF);
                assertThat(image.getRGB(sizePx - 1 - m, i) & 0xFFFFFF).isEqualTo(0xFFFFFF);
            }
        }
        // the top-left finder pattern starts right after the margin
        assertThat(image.getRGB(margin, margin) & 0xFFFFFF).isZero();
    }

    @Test
    void png_rejectsSizesTooSmallForTheSymbolAndBadTexts() {
        assertThatThrownBy(() -> QrImages.png(TEXT, 40)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("too small");
        assertThatThrownBy(() -> QrImages.png("", 512)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> QrImages.png("A".repeat(5000), 512)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("does not fit");
    }

    @Test
    void png_encodesNonLatinTextAsUtf8() throws IOException {
        String text = "Kompleks Setda \u2013 \u0e01";
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(QrImages.png(text, 300)));

        assertThat(DesktopImages.read(image)).contains(text);
    }

    @Test
    void svg_isWellFormedAndItsModulesReadBack() throws Exception {
        String svg = QrImages.svg(TEXT);

        Document doc = Svg.parse(svg);
        Element root = doc.getDocumentElement();
        assertThat(root.getTagName()).isEqualTo("svg");
        assertThat(DesktopImages.read(Svg.rasterize(root, 6))).contains(TEXT);
    }

    @Test
    void version_isTheSymbolVersionAtLevelM() {
        assertThat(QrImages.version(TEXT)).isEqualTo(8);
        assertThat(QrImages.version("A")).isEqualTo(1);
    }

    @Test
    void read_returnsEmptyForImagesWithoutASymbol() {
        BufferedImage white = new BufferedImage(300, 300, BufferedImage.TYPE_BYTE_GRAY);
        BufferedImage tiny = new BufferedImage(1, 1, BufferedImage.TYPE_INT_ARGB);

        assertThat(DesktopImages.read(white)).isEmpty();
        assertThat(DesktopImages.read(tiny)).isEmpty();
        assertThat(DesktopImages.read(Photo.onBusyBackground(tiny, 500, 500, 0.01, 3))).isEmpty();
    }

    @Test
    void read_handlesEveryCommonImageLayout() throws IOException {
        BufferedImage rgb = Photo.decodePng(QrImages.png(TEXT, 400));
        for (int type : new int[] {BufferedImage.TYPE_BYTE_GRAY, BufferedImage.TYPE_INT_ARGB,
            BufferedImage.TYPE_3BYTE_BGR, BufferedImage.TYPE_USHORT_GRAY, BufferedImage.TYPE_BYTE_BINARY}) {
            BufferedImage converted = new BufferedImage(400, 400, type);
            converted.createGraphics().drawImage(rgb, 0, 0, null);
            assertThat(DesktopImages.read(converted)).as("image type %d", type).contains(TEXT);
        }
        assertThat(DesktopImages.read(rgb.getSubimage(0, 0, 400, 400))).contains(TEXT);
    }

    @Test
    void read_treatsTransparentPixelsAsWhite() {
        BufferedImage rgb = Photo.decodePng(QrImages.png(TEXT, 400));
        BufferedImage argb = new BufferedImage(400, 400, BufferedImage.TYPE_INT_ARGB);
        for (int y = 0; y < 400; y++) {
            for (int x = 0; x < 400; x++) {
                boolean dark = (rgb.getRGB(x, y) & 0xFF) < 128;
                argb.setRGB(x, y, dark ? 0xFF000000 : 0x00000000);
            }
        }
        assertThat(DesktopImages.read(argb)).contains(TEXT);
    }

    @Test
    void readPath_readsImageFilesAndRejectsOtherFiles(@TempDir Path dir) throws IOException {
        Path png = dir.resolve("code.png");
        Files.write(png, QrImages.png(TEXT, 512));
        Path notAnImage = dir.resolve("code.txt");
        Files.writeString(notAnImage, TEXT);

        assertThat(QrImages.read(png)).contains(TEXT);
        assertThatThrownBy(() -> QrImages.read(notAnImage)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> QrImages.read(dir.resolve("missing.png"))).isInstanceOf(NoSuchFileException.class);
    }

    @Test
    void readBytes_readsImageBytesAndRejectsOtherBytes() {
        byte[] png = QrImages.png(TEXT, 512);

        assertThat(QrImages.read(png)).contains(TEXT);
        assertThat(QrImages.read(QrImages.png("A", 100))).contains("A");
        assertThatThrownBy(() -> QrImages.read(TEXT.getBytes(java.nio.charset.StandardCharsets.US_ASCII)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not an image");
        assertThatThrownBy(() -> QrImages.read(new byte[0])).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> QrImages.read(java.util.Arrays.copyOf(png, png.length / 2)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> QrImages.read(pngHeaderOnly(100_000, 100_000)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("100000 x 100000");
        assertThatThrownBy(() -> QrImages.read((byte[]) null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void readStream_readsTheImageAndLeavesTheStreamOpen() throws IOException {
        boolean[] closed = {false};
        java.io.InputStream in = new ByteArrayInputStream(QrImages.png(TEXT, 512)) {
            @Override
            public void close() {
                closed[0] = true;
            }
        };

        assertThat(QrImages.read(in)).contains(TEXT);
        assertThat(closed[0]).isFalse();
        assertThatThrownBy(() -> QrImages.read(new ByteArrayInputStream(new byte[] {1, 2, 3})))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void readStream_passesOnAFailureOfTheStreamItself() {
        java.io.InputStream failing = new java.io.InputStream() {
            @Override
            public int read() throws IOException {
                throw new IOException("disk gone");
            }
        };

        assertThatThrownBy(() -> QrImages.read(failing)).isInstanceOf(IOException.class).hasMessage("disk gone");
    }

    @Test
    void readPath_refusesImagesLargerThanTheBoundBeforeDecodingThem(@TempDir Path dir) throws IOException {
        Path bomb = dir.resolve("bomb.png");
        Files.write(bomb, pngHeaderOnly(100_000, 100_000));

        assertThatThrownBy(() -> QrImages.read(bomb)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("100000 x 100000");
    }

    @Test
    void readPath_rejectsTruncatedAndCorruptImageFiles(@TempDir Path dir) throws IOException {
        byte[] png = QrImages.png(TEXT, 512);
        Path truncated = dir.resolve("truncated.png");
        Files.write(truncated, java.util.Arrays.copyOf(png, png.length / 2));
        Path corrupt = dir.resolve("corrupt.png");
        byte[] flipped = png.clone();
        for (int i = 40; i < flipped.length - 12; i += 7) {
            flipped[i] ^= 0x5A;
        }
        Files.write(corrupt, flipped);

        for (Path file : java.util.List.of(truncated, corrupt)) {
            assertThatThrownBy(() -> QrImages.read(file)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining(file.toString());
        }
    }

    /** A PNG signature and header chunk claiming the given size, with no image data. */
    private static byte[] pngHeaderOnly(int width, int height) {
        java.nio.ByteBuffer ihdr = java.nio.ByteBuffer.allocate(17);
        ihdr.put("IHDR".getBytes(java.nio.charset.StandardCharsets.US_ASCII)).putInt(width).putInt(height)
                .put((byte) 8).put((byte) 0).put((byte) 0).put((byte) 0).put((byte) 0);
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        crc.update(ihdr.array());
        java.nio.ByteBuffer out = java.nio.ByteBuffer.allocate(8 + 4 + 17 + 4);
        out.put(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'}).putInt(13).put(ihdr.array())
                .putInt((int) crc.getValue());
        return out.array();
    }
}
