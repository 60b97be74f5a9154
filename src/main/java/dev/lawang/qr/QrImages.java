package dev.lawang.qr;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.EncodeHintType;
import com.google.zxing.LuminanceSource;
import com.google.zxing.PlanarYUVLuminanceSource;
import com.google.zxing.ReaderException;
import com.google.zxing.Result;
import com.google.zxing.WriterException;
import com.google.zxing.common.GlobalHistogramBinarizer;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import com.google.zxing.qrcode.encoder.ByteMatrix;
import com.google.zxing.qrcode.encoder.Encoder;
import com.google.zxing.qrcode.encoder.QRCode;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;

/**
 * QR symbols for code texts: PNG and SVG images, printable A4 posters, and reading a text back from an image or a
 * photo.
 *
 * <p>Symbols use error correction level M (about 15 % of the symbol may be damaged or hidden), which keeps a signed
 * code covering 14 agencies at version 10 or below while surviving the wear of a printed poster; the encoder picks
 * the smallest version that holds the text, and alphanumeric mode when the text is upper case, digits and
 * {@code " $%*+-./:"}. Every image has a quiet zone of 4 modules, as ISO/IEC 18004 requires.
 *
 * <p>All methods are static, stateless and thread-safe.
 */
public final class QrImages {
    /** Width of the light margin around the symbol, in modules. */
    public static final int QUIET_ZONE_MODULES = 4;

    /** The most pixels {@link #read(Path)} decodes, which keeps a hostile file from exhausting memory. */
    public static final long MAX_PIXELS = 50_000_000L;

    /** From this side length on, a half-size pass runs first: phone photos are large and their modules wide. */
    private static final int LARGE = 800;
    /** Up to this side length, a double-size pass gives tiny modules enough pixels. */
    private static final int SMALL = 400;

    private QrImages() {}

    /**
     * Draws the symbol for a text as a black-and-white PNG image of exactly {@code sizePx} by {@code sizePx} pixels.
     *
     * <p>Every module is the same whole number of pixels wide, so the symbol is centred and any pixels left over widen
     * the quiet zone.
     *
     * @param text the text to encode; not empty
     * @param sizePx the width and height of the image in pixels
     * @return the PNG file's bytes
     * @throws IllegalArgumentException if the text is empty or too long for a QR symbol, or {@code sizePx} is too
     *     small to give every module at least one pixel
     */
    public static byte[] png(String text, int sizePx) {
        Symbol symbol = Symbol.encode(text);
        return Png.write(symbol, sizePx);
    }

    /**
     * Draws the symbol for a text as an SVG document. The view box is measured in modules, quiet zone included, and
     * the image scales to any size.
     *
     * @param text the text to encode; not empty
     * @return the SVG document
     * @throws IllegalArgumentException if the text is empty or too long for a QR symbol
     */
    public static String svg(String text) {
        Symbol symbol = Symbol.encode(text);
        int side = symbol.sideWithQuietZone();
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " + side + " " + side
                + "\" width=\"" + side * 8 + "\" height=\"" + side * 8 + "\" shape-rendering=\"crispEdges\">\n"
                + "<rect width=\"" + side + "\" height=\"" + side + "\" fill=\"#ffffff\"/>\n"
                + "<path fill=\"#000000\" d=\"" + symbol.svgPath() + "\"/>\n"
                + "</svg>\n";
    }

    /**
     * Draws a printable A4 portrait poster for a site's entrance: the symbol, the site's name and address, every
     * covered agency by name, the validity, and short instructions in Bahasa Indonesia and English.
     *
     * @param text the text to encode; not empty
     * @param poster what the poster says besides the symbol
     * @return the SVG document, sized 210 mm by 297 mm
     * @throws IllegalArgumentException if the text is empty or too long for a QR symbol
     */
    public static String posterSvg(String text, Poster poster) {
        Objects.requireNonNull(poster, "poster");
        return PosterLayout.draw(Symbol.encode(text), poster);
    }

    /**
     * Returns the QR symbol version (1 to 40) that {@link #png} and {@link #svg} use for a text.
     *
     * @param text the text to encode; not empty
     * @return the version
     * @throws IllegalArgumentException if the text is empty or too long for a QR symbol
     */
    public static int version(String text) {
        return Symbol.encode(text).version();
    }

    /**
     * Reads the text of a QR symbol from an image, which may be a photo: rotated, scaled down, seen at an angle,
     * blurred, noisy, low in contrast or on a busy background.
     *
     * <p>The reader tries several passes and returns the first text found: for images of 800 px or more a copy at half
     * size first (quick, and it averages away noise and fine texture), then local binarisation, global binarisation,
     * a smoothed copy against sensor noise, and for images of 400 px or less a copy at double size.
     *
     * @param image the image
     * @return the text of the symbol, or empty if no symbol could be read
     */
    public static Optional<String> read(BufferedImage image) {
        Objects.requireNonNull(image, "image");
        Gray gray = Gray.of(image);
        int side = Math.max(gray.width, gray.height);
        List<Supplier<Optional<String>>> passes = new ArrayList<>(5);
        if (side >= LARGE) {
            passes.add(() -> decode(gray.halved(), true));
        }
        passes.add(() -> decode(gray, true));
        passes.add(() -> decode(gray, false));
        passes.add(() -> decode(gray.smoothed(), true));
        if (side <= SMALL) {
            passes.add(() -> decode(gray.doubled(), true));
        }
        for (Supplier<Optional<String>> pass : passes) {
            Optional<String> found = pass.get();
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    /**
     * Reads the text of a QR symbol from an image file in any format the JDK reads (PNG, JPEG, GIF, BMP).
     *
     * @param file the image file
     * @return the text of the symbol, or empty if no symbol could be read
     * @throws IOException if the file cannot be read
     * @throws IllegalArgumentException if the file is not an image in a format the JDK reads, or has more than
     *     {@value #MAX_PIXELS} pixels (checked before the pixels are decoded)
     */
    public static Optional<String> read(Path file) throws IOException {
        Objects.requireNonNull(file, "file");
        try (InputStream raw = Files.newInputStream(file);
                ImageInputStream in = new MemoryCacheImageInputStream(raw)) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                throw new IllegalArgumentException("not an image in a format the JDK reads: " + file);
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                long pixels = (long) reader.getWidth(0) * reader.getHeight(0);
                if (pixels > MAX_PIXELS) {
                    throw new IllegalArgumentException("image of " + reader.getWidth(0) + " x " + reader.getHeight(0)
                            + " pixels is larger than " + MAX_PIXELS + " pixels: " + file);
                }
                return read(reader.read(0));
            } catch (IllegalArgumentException e) {
                throw e;
            } catch (RuntimeException e) {
                // image decoders throw unchecked exceptions on some malformed files
                throw new IllegalArgumentException("malformed image file: " + file, e);
            } finally {
                reader.dispose();
            }
        }
    }

    private static Optional<String> decode(Gray gray, boolean hybrid) {
        LuminanceSource source = new PlanarYUVLuminanceSource(
                gray.pixels, gray.width, gray.height, 0, 0, gray.width, gray.height, false);
        BinaryBitmap bitmap = new BinaryBitmap(
                hybrid ? new HybridBinarizer(source) : new GlobalHistogramBinarizer(source));
        try {
            Result result = new QRCodeReader().decode(bitmap, READ_HINTS);
            return Optional.of(result.getText());
        } catch (ReaderException e) {
            return Optional.empty();
        }
    }

    private static final Map<DecodeHintType, Object> READ_HINTS = readHints();

    private static Map<DecodeHintType, Object> readHints() {
        Map<DecodeHintType, Object> hints = new EnumMap<>(DecodeHintType.class);
        hints.put(DecodeHintType.TRY_HARDER, true);
        hints.put(DecodeHintType.POSSIBLE_FORMATS, List.of(BarcodeFormat.QR_CODE));
        return hints;
    }

    /** An encoded symbol: its modules without the quiet zone. */
    static final class Symbol {
        private final ByteMatrix matrix;
        private final int version;

        private Symbol(ByteMatrix matrix, int version) {
            this.matrix = matrix;
            this.version = version;
        }

        static Symbol encode(String text) {
            Objects.requireNonNull(text, "text");
            if (text.isEmpty()) {
                throw new IllegalArgumentException("cannot encode an empty text");
            }
            Map<EncodeHintType, Object> hints = new EnumMap<>(EncodeHintType.class);
            if (!StandardCharsets.ISO_8859_1.newEncoder().canEncode(text)) {
                hints.put(EncodeHintType.CHARACTER_SET, StandardCharsets.UTF_8.name());
            }
            try {
                QRCode code = Encoder.encode(text, ErrorCorrectionLevel.M, hints);
                return new Symbol(code.getMatrix(), code.getVersion().getVersionNumber());
            } catch (WriterException e) {
                throw new IllegalArgumentException(
                        "text of " + text.length() + " characters does not fit a QR symbol at level M", e);
            }
        }

        int version() {
            return version;
        }

        int modules() {
            return matrix.getWidth();
        }

        int sideWithQuietZone() {
            return modules() + 2 * QUIET_ZONE_MODULES;
        }

        boolean dark(int x, int y) {
            return matrix.get(x, y) == 1;
        }

        /** One horizontal run of dark modules per path segment, in module units with the quiet zone as origin. */
        String svgPath() {
            int n = modules();
            StringBuilder d = new StringBuilder(n * n);
            for (int y = 0; y < n; y++) {
                int x = 0;
                while (x < n) {
                    if (!dark(x, y)) {
                        x++;
                        continue;
                    }
                    int start = x;
                    while (x < n && dark(x, y)) {
                        x++;
                    }
                    d.append('M').append(start + QUIET_ZONE_MODULES).append(' ').append(y + QUIET_ZONE_MODULES)
                            .append('h').append(x - start).append("v1h-").append(x - start).append('z');
                }
            }
            return d.toString();
        }
    }
}
