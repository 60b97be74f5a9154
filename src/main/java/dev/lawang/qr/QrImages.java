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
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * QR symbols for code texts: PNG and SVG images, printable A4 posters, and reading a text back from an image or a
 * photo. Writing needs only {@code java.base}; reading images also needs {@code java.desktop} at run time
 * ({@link #read(Path)}).
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

    /** The most pixels an image to read may have, which keeps a hostile file from exhausting memory. */
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
     * Reads the text of a QR symbol from an image file in any format the JDK reads (PNG, JPEG, GIF, BMP); the image
     * may be a photo: rotated, scaled down, seen at an angle, blurred, noisy, low in contrast or on a busy background.
     *
     * <p>The reader tries several passes and returns the first text found: for images of 800 px or more a copy at half
     * size first (quick, and it averages away noise and fine texture), then local binarisation, global binarisation,
     * a smoothed copy against sensor noise, and for images of 400 px or less a copy at double size. Transparent pixels
     * count as white.
     *
     * <p>Reading images needs the module {@code java.desktop}, which this library requires only statically: a host
     * that reads images adds {@code requires java.desktop;} to its module, or runs with
     * {@code --add-modules java.desktop}. Writing PNG, SVG and posters does not need it.
     *
     * @param file the image file
     * @return the text of the symbol, or empty if no symbol could be read
     * @throws IOException if the file cannot be read
     * @throws IllegalArgumentException if the file is not an image in a format the JDK reads, is corrupt or truncated,
     *     or has more than {@value #MAX_PIXELS} pixels (checked before the pixels are decoded)
     * @throws IllegalStateException if the module {@code java.desktop} is not readable at run time
     */
    public static Optional<String> read(Path file) throws IOException {
        Objects.requireNonNull(file, "file");
        requireDesktop();
        return DesktopImages.read(Files.readAllBytes(file), file.toString());
    }

    /**
     * Reads the text of a QR symbol from an image in a stream, as {@link #read(Path)} does from a file. The stream is
     * read to its end and is not closed.
     *
     * @param in the image bytes in any format the JDK reads
     * @return the text of the symbol, or empty if no symbol could be read
     * @throws IOException if reading the stream fails
     * @throws IllegalArgumentException if the bytes are not an image in a format the JDK reads, are corrupt or
     *     truncated, or have more than {@value #MAX_PIXELS} pixels (checked before the pixels are decoded)
     * @throws IllegalStateException if the module {@code java.desktop} is not readable at run time
     */
    public static Optional<String> read(InputStream in) throws IOException {
        Objects.requireNonNull(in, "in");
        requireDesktop();
        return DesktopImages.read(in.readAllBytes(), "image stream");
    }

    /**
     * Reads the text of a QR symbol from the bytes of an image file, as {@link #read(Path)} does from a file.
     *
     * @param image the image bytes in any format the JDK reads
     * @return the text of the symbol, or empty if no symbol could be read
     * @throws IllegalArgumentException if the bytes are not an image in a format the JDK reads, are corrupt or
     *     truncated, or have more than {@value #MAX_PIXELS} pixels (checked before the pixels are decoded)
     * @throws IllegalStateException if the module {@code java.desktop} is not readable at run time
     */
    public static Optional<String> read(byte[] image) {
        Objects.requireNonNull(image, "image");
        requireDesktop();
        return DesktopImages.read(image, "image bytes (" + image.length + " bytes)");
    }

    /**
     * The passes of {@link #read(Path)} over an image already turned into luminance: the one reading path, whatever
     * the image came from.
     */
    static Optional<String> read(Gray gray) {
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

    private static final String DESKTOP = "java.desktop";

    /** Checks that this library's module can read {@code java.desktop} before any class that needs it is loaded. */
    private static void requireDesktop() {
        Module own = QrImages.class.getModule();
        ModuleLayer layer = own.getLayer();
        requireDesktop(layer != null ? layer : ModuleLayer.boot(), own);
    }

    /**
     * Checks that {@code reader} can read the module {@code java.desktop} found in {@code layer} (or its parents).
     *
     * @throws IllegalStateException naming the module and what to add, if it cannot
     */
    static void requireDesktop(ModuleLayer layer, Module reader) {
        Optional<Module> desktop = layer.findModule(DESKTOP);
        if (desktop.isEmpty() || !reader.canRead(desktop.get())) {
            throw new IllegalStateException("reading QR images needs the module " + DESKTOP + " (javax.imageio),"
                    + " which is not in the module graph: add 'requires " + DESKTOP + ";' to the module-info.java of"
                    + " the application, or run it with '--add-modules " + DESKTOP + "'. Writing PNG, SVG and"
                    + " posters works without it.");
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
