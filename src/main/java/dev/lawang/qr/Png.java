package dev.lawang.qr;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * A minimal PNG encoder for 1-bit greyscale symbols.
 *
 * <p>Written here rather than through {@code javax.imageio} because a bilevel image needs only a header, one
 * compressed data chunk and an end chunk, and because ImageIO's stream cache would add file-system work to every
 * image.
 */
final class Png {
    private static final byte[] SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};

    private Png() {}

    static byte[] write(QrImages.Symbol symbol, int sizePx) {
        int side = symbol.sideWithQuietZone();
        int scale = sizePx / side;
        if (scale < 1) {
            throw new IllegalArgumentException("an image of " + sizePx + " px is too small for a symbol of " + side
                    + " modules with its quiet zone; use at least " + side + " px");
        }
        int offset = (sizePx - symbol.modules() * scale) / 2;
        int rowBytes = (sizePx + 7) / 8;
        byte[] white = new byte[rowBytes + 1];
        java.util.Arrays.fill(white, 1, white.length, (byte) 0xFF);
        byte[] raw = new byte[(rowBytes + 1) * sizePx];
        int n = symbol.modules();
        byte[] row = new byte[rowBytes + 1];
        for (int y = 0; y < sizePx; y++) {
            int my = y - offset;
            int dest = y * (rowBytes + 1);
            if (my < 0 || my >= n * scale) {
                System.arraycopy(white, 0, raw, dest, white.length);
                continue;
            }
            if (my % scale == 0) {
                System.arraycopy(white, 0, row, 0, row.length);
                int moduleY = my / scale;
                for (int mx = 0; mx < n; mx++) {
                    if (symbol.dark(mx, moduleY)) {
                        int from = offset + mx * scale;
                        for (int x = from; x < from + scale; x++) {
                            row[1 + (x >> 3)] &= (byte) ~(0x80 >>> (x & 7));
                        }
                    }
                }
            }
            System.arraycopy(row, 0, raw, dest, row.length);
        }
        Deflater deflater = new Deflater(Deflater.BEST_SPEED);
        deflater.setInput(raw);
        deflater.finish();
        ByteArrayOutputStream compressed = new ByteArrayOutputStream(raw.length / 8 + 64);
        byte[] buffer = new byte[8192];
        while (!deflater.finished()) {
            int len = deflater.deflate(buffer);
            compressed.write(buffer, 0, len);
        }
        deflater.end();

        ByteArrayOutputStream out = new ByteArrayOutputStream(compressed.size() + 64);
        out.writeBytes(SIGNATURE);
        byte[] header = new byte[13];
        putInt(header, 0, sizePx);
        putInt(header, 4, sizePx);
        header[8] = 1; // bit depth
        header[9] = 0; // greyscale
        chunk(out, "IHDR", header);
        chunk(out, "IDAT", compressed.toByteArray());
        chunk(out, "IEND", new byte[0]);
        return out.toByteArray();
    }

    private static void chunk(ByteArrayOutputStream out, String type, byte[] data) {
        byte[] typeBytes = type.getBytes(StandardCharsets.US_ASCII);
        byte[] length = new byte[4];
        putInt(length, 0, data.length);
        out.writeBytes(length);
        out.writeBytes(typeBytes);
        out.writeBytes(data);
        CRC32 crc = new CRC32();
        crc.update(typeBytes);
        crc.update(data);
        byte[] sum = new byte[4];
        putInt(sum, 0, (int) crc.getValue());
        out.writeBytes(sum);
    }

    private static void putInt(byte[] target, int at, int value) {
        target[at] = (byte) (value >>> 24);
        target[at + 1] = (byte) (value >>> 16);
        target[at + 2] = (byte) (value >>> 8);
        target[at + 3] = (byte) value;
    }
}
