package dev.lawang.qr;

/**
 * An image as 8-bit luminance, one byte per pixel, row by row. Independent of {@code java.desktop}: images are turned
 * into luminance by {@link DesktopImages}, the one class that needs it.
 */
final class Gray {
    final byte[] pixels;
    final int width;
    final int height;

    Gray(byte[] pixels, int width, int height) {
        this.pixels = pixels;
        this.width = width;
        this.height = height;
    }

    /** A copy at half the width and height, each pixel the mean of a 2 by 2 block; smooths noise and fine texture. */
    Gray halved() {
        int w = width / 2;
        int h = height / 2;
        byte[] out = new byte[w * h];
        for (int y = 0; y < h; y++) {
            int r0 = 2 * y * width;
            int r1 = r0 + width;
            for (int x = 0; x < w; x++) {
                int sum = (pixels[r0 + 2 * x] & 0xFF) + (pixels[r0 + 2 * x + 1] & 0xFF)
                        + (pixels[r1 + 2 * x] & 0xFF) + (pixels[r1 + 2 * x + 1] & 0xFF);
                out[y * w + x] = (byte) (sum >> 2);
            }
        }
        return new Gray(out, w, h);
    }

    /** A copy at twice the width and height with bilinear interpolation; gives tiny modules enough pixels. */
    Gray doubled() {
        int w = width * 2;
        int h = height * 2;
        byte[] out = new byte[w * h];
        for (int y = 0; y < h; y++) {
            int sy = Math.min(y / 2, height - 1);
            int sy1 = Math.min(sy + (y & 1), height - 1);
            for (int x = 0; x < w; x++) {
                int sx = Math.min(x / 2, width - 1);
                int sx1 = Math.min(sx + (x & 1), width - 1);
                int sum = (pixels[sy * width + sx] & 0xFF) + (pixels[sy * width + sx1] & 0xFF)
                        + (pixels[sy1 * width + sx] & 0xFF) + (pixels[sy1 * width + sx1] & 0xFF);
                out[y * w + x] = (byte) (sum >> 2);
            }
        }
        return new Gray(out, w, h);
    }

    /** A copy smoothed with a 3 by 3 box filter, which averages away pixel noise while modules stay legible. */
    Gray smoothed() {
        byte[] out = new byte[pixels.length];
        for (int y = 0; y < height; y++) {
            int y0 = Math.max(0, y - 1);
            int y1 = Math.min(height - 1, y + 1);
            for (int x = 0; x < width; x++) {
                int x0 = Math.max(0, x - 1);
                int x1 = Math.min(width - 1, x + 1);
                int sum = 0;
                int count = 0;
                for (int yy = y0; yy <= y1; yy++) {
                    for (int xx = x0; xx <= x1; xx++) {
                        sum += pixels[yy * width + xx] & 0xFF;
                        count++;
                    }
                }
                out[y * width + x] = (byte) (sum / count);
            }
        }
        return new Gray(out, width, height);
    }
}
