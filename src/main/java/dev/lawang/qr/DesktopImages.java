package dev.lawang.qr;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.awt.image.DataBufferInt;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Iterator;
import java.util.Optional;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;

/**
 * The part of reading QR images that needs the module {@code java.desktop}: decoding image files with
 * {@code javax.imageio} and turning a {@link BufferedImage} into luminance. No other class of the package names a type
 * of that module, and {@link QrImages} calls this class only after checking that the module is readable, so a host
 * that only writes symbols or verifies code texts never loads it. Stateless and thread-safe.
 */
final class DesktopImages {
    private DesktopImages() {}

    /** {@link QrImages#read(Gray)} of an image. */
    static Optional<String> read(BufferedImage image) {
        return QrImages.read(gray(image));
    }

    /**
     * Decodes the first image in the bytes of an image file, bounded by {@link QrImages#MAX_PIXELS} before its pixels
     * are decoded, and reads its symbol. The bytes are in memory, so every failure is one of the bytes.
     *
     * @param bytes the bytes of an image file
     * @param source what the bytes are, for messages: a file name, or "image bytes"
     * @throws IllegalArgumentException if the bytes are not an image in a format the JDK reads, are corrupt or
     *     truncated, or are too large
     */
    static Optional<String> read(byte[] bytes, String source) {
        try (ImageInputStream in = new MemoryCacheImageInputStream(new ByteArrayInputStream(bytes))) {
            return read(in, source);
        } catch (IOException e) {
            throw new IllegalArgumentException("malformed image: " + source, e);
        }
    }

    private static Optional<String> read(ImageInputStream in, String source) throws IOException {
        Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
        if (!readers.hasNext()) {
            throw new IllegalArgumentException("not an image in a format the JDK reads: " + source);
        }
        ImageReader reader = readers.next();
        try {
            reader.setInput(in, true, true);
            long pixels = (long) reader.getWidth(0) * reader.getHeight(0);
            if (pixels > QrImages.MAX_PIXELS) {
                throw new IllegalArgumentException("image of " + reader.getWidth(0) + " x " + reader.getHeight(0)
                        + " pixels is larger than " + QrImages.MAX_PIXELS + " pixels: " + source);
            }
            return read(reader.read(0));
        } catch (IllegalArgumentException e) {
            throw e;
        } catch (RuntimeException e) {
            // image decoders throw unchecked exceptions on some malformed files
            throw new IllegalArgumentException("malformed image: " + source, e);
        } finally {
            reader.dispose();
        }
    }

    /** The image as luminance; transparent pixels count as white. */
    static Gray gray(BufferedImage image) {
        int w = image.getWidth();
        int h = image.getHeight();
        byte[] out = new byte[w * h];
        switch (image.getType()) {
            case BufferedImage.TYPE_BYTE_GRAY -> {
                byte[] data = ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
                if (data.length == out.length && image.getRaster().getParent() == null) {
                    System.arraycopy(data, 0, out, 0, out.length);
                    return new Gray(out, w, h);
                }
            }
            case BufferedImage.TYPE_INT_RGB, BufferedImage.TYPE_INT_ARGB -> {
                if (image.getRaster().getParent() == null) {
                    int[] data = ((DataBufferInt) image.getRaster().getDataBuffer()).getData();
                    if (data.length == out.length) {
                        boolean alpha = image.getType() == BufferedImage.TYPE_INT_ARGB;
                        for (int i = 0; i < out.length; i++) {
                            out[i] = (byte) luminance(alpha ? data[i] : data[i] | 0xFF000000);
                        }
                        return new Gray(out, w, h);
                    }
                }
            }
            default -> {
                // every other layout goes through the general path below
            }
        }
        int[] row = new int[w];
        for (int y = 0; y < h; y++) {
            image.getRGB(0, y, w, 1, row, 0, w);
            int base = y * w;
            for (int x = 0; x < w; x++) {
                out[base + x] = (byte) luminance(row[x]);
            }
        }
        return new Gray(out, w, h);
    }

    /** Luminance of an ARGB pixel composited over white, with integer weights close to ITU-R BT.601. */
    private static int luminance(int argb) {
        int a = argb >>> 24;
        int r = (argb >> 16) & 0xFF;
        int g = (argb >> 8) & 0xFF;
        int b = argb & 0xFF;
        int y = (r * 306 + g * 601 + b * 117) >> 10;
        return (y * a + 255 * (255 - a)) / 255;
    }
}
