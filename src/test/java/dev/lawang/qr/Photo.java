package dev.lawang.qr;

import com.google.zxing.common.PerspectiveTransform;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.awt.image.ConvolveOp;
import java.awt.image.Kernel;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Random;
import javax.imageio.ImageIO;

/** Turns a clean rendering of a symbol into something like a phone photo of a poster, one distortion at a time. */
final class Photo {
    private Photo() {}

    static BufferedImage decodePng(byte[] png) {
        try {
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
            BufferedImage rgb = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
            Graphics2D g = rgb.createGraphics();
            g.drawImage(image, 0, 0, null);
            g.dispose();
            return rgb;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Rotates about the centre onto a canvas large enough for every angle, the new corners filled with grey paper. */
    static BufferedImage rotate(BufferedImage in, double degrees) {
        int side = (int) Math.ceil(Math.hypot(in.getWidth(), in.getHeight()));
        BufferedImage out = canvas(side, side, new Color(0xE8E4DA));
        Graphics2D g = smooth(out);
        AffineTransform t = new AffineTransform();
        t.translate(side / 2.0, side / 2.0);
        t.rotate(Math.toRadians(degrees));
        t.translate(-in.getWidth() / 2.0, -in.getHeight() / 2.0);
        g.drawImage(in, t, null);
        g.dispose();
        return out;
    }

    /** Scales by a factor with bilinear interpolation, as a camera far from the poster would. */
    static BufferedImage scale(BufferedImage in, double factor) {
        int w = Math.max(1, (int) Math.round(in.getWidth() * factor));
        int h = Math.max(1, (int) Math.round(in.getHeight() * factor));
        BufferedImage out = canvas(w, h, Color.WHITE);
        Graphics2D g = smooth(out);
        g.drawImage(in, 0, 0, w, h, null);
        g.dispose();
        return out;
    }

    /**
     * Looks at the image at an angle: the top edge shrinks by {@code k} of the width on each side and the right edge
     * by {@code k / 2} of the height, sampled bilinearly.
     */
    static BufferedImage perspective(BufferedImage in, double k) {
        int w = in.getWidth();
        int h = in.getHeight();
        float kw = (float) (k * w);
        float kh = (float) (k * h / 2);
        // maps output (destination) points back to input points
        PerspectiveTransform back = PerspectiveTransform.quadrilateralToQuadrilateral(
                kw, 0, w - kw, kh, w, h - kh, 0, h,
                0, 0, w, 0, w, h, 0, h);
        BufferedImage out = canvas(w, h, new Color(0xD0CCC0));
        float[] pt = new float[2];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                pt[0] = x + 0.5f;
                pt[1] = y + 0.5f;
                back.transformPoints(pt);
                float sx = pt[0] - 0.5f;
                float sy = pt[1] - 0.5f;
                if (sx >= 0 && sy >= 0 && sx < w - 1 && sy < h - 1) {
                    out.setRGB(x, y, bilinear(in, sx, sy));
                }
            }
        }
        return out;
    }

    /** Gaussian blur with standard deviation {@code sigma} pixels, as an out-of-focus or shaken camera. */
    static BufferedImage blur(BufferedImage in, double sigma) {
        int radius = (int) Math.ceil(3 * sigma);
        int size = 2 * radius + 1;
        float[] line = new float[size];
        float sum = 0;
        for (int i = 0; i < size; i++) {
            line[i] = (float) Math.exp(-((i - radius) * (i - radius)) / (2 * sigma * sigma));
            sum += line[i];
        }
        for (int i = 0; i < size; i++) {
            line[i] /= sum;
        }
        BufferedImage padded = canvas(in.getWidth() + 2 * radius, in.getHeight() + 2 * radius, Color.WHITE);
        Graphics2D g = padded.createGraphics();
        g.drawImage(in, radius, radius, null);
        g.dispose();
        BufferedImage across = new ConvolveOp(new Kernel(size, 1, line), ConvolveOp.EDGE_NO_OP, null)
                .filter(padded, null);
        BufferedImage down = new ConvolveOp(new Kernel(1, size, line), ConvolveOp.EDGE_NO_OP, null)
                .filter(across, null);
        return down.getSubimage(radius, radius, in.getWidth(), in.getHeight());
    }

    /** Adds Gaussian sensor noise of standard deviation {@code sigma} grey levels to each channel. */
    static BufferedImage noise(BufferedImage in, double sigma, long seed) {
        Random random = new Random(seed);
        BufferedImage out = new BufferedImage(in.getWidth(), in.getHeight(), BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < in.getHeight(); y++) {
            for (int x = 0; x < in.getWidth(); x++) {
                int rgb = in.getRGB(x, y);
                int n = (int) Math.round(random.nextGaussian() * sigma);
                out.setRGB(x, y, rgb(clamp(((rgb >> 16) & 0xFF) + n), clamp(((rgb >> 8) & 0xFF) + n),
                        clamp((rgb & 0xFF) + n)));
            }
        }
        return out;
    }

    /**
     * Squeezes the grey levels into a band of width {@code contrast * 255} around a dim mid grey, as in a poorly lit
     * photo of a faded print.
     */
    static BufferedImage lowContrast(BufferedImage in, double contrast) {
        BufferedImage out = new BufferedImage(in.getWidth(), in.getHeight(), BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < in.getHeight(); y++) {
            for (int x = 0; x < in.getWidth(); x++) {
                int rgb = in.getRGB(x, y);
                out.setRGB(x, y, rgb(squeeze((rgb >> 16) & 0xFF, contrast), squeeze((rgb >> 8) & 0xFF, contrast),
                        squeeze(rgb & 0xFF, contrast)));
            }
        }
        return out;
    }

    /**
     * Places the image, at {@code share} of the background's width, on a busy background of coloured shapes and
     * dark lines, at a position chosen by the seed.
     */
    static BufferedImage onBusyBackground(BufferedImage in, int width, int height, double share, long seed) {
        Random random = new Random(seed);
        BufferedImage out = canvas(width, height, new Color(0x8A7F70));
        Graphics2D g = smooth(out);
        for (int i = 0; i < 160; i++) {
            g.setColor(new Color(random.nextInt(0x1000000)));
            int x = random.nextInt(width);
            int y = random.nextInt(height);
            int s = 10 + random.nextInt(width / 6);
            if (random.nextBoolean()) {
                g.fillRect(x, y, s, s / 2 + random.nextInt(s));
            } else {
                g.fillOval(x, y, s, s);
            }
        }
        g.setColor(Color.BLACK);
        for (int i = 0; i < 40; i++) {
            g.drawLine(random.nextInt(width), random.nextInt(height), random.nextInt(width), random.nextInt(height));
        }
        int side = (int) (width * share);
        int x = random.nextInt(Math.max(1, width - side));
        int y = random.nextInt(Math.max(1, height - side));
        g.drawImage(in, x, y, side, side * in.getHeight() / in.getWidth(), null);
        g.dispose();
        return out;
    }

    /**
     * A photo-like image of {@code size} by {@code size} pixels: a poster-sized symbol on a busy background, seen at
     * an angle and rotated, slightly blurred, noisy and low in contrast.
     */
    static BufferedImage photoLike(BufferedImage symbol, int size, long seed) {
        BufferedImage placed = onBusyBackground(symbol, size, size, 0.45, seed);
        BufferedImage tilted = perspective(placed, 0.08);
        BufferedImage rotated = rotate(tilted, 12);
        int off = (rotated.getWidth() - size) / 2;
        BufferedImage cropped = copy(rotated.getSubimage(off, off, size, size));
        return noise(lowContrast(blur(cropped, 1.0), 0.6), 8, seed);
    }

    static BufferedImage copy(BufferedImage in) {
        BufferedImage out = new BufferedImage(in.getWidth(), in.getHeight(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        g.drawImage(in, 0, 0, null);
        g.dispose();
        return out;
    }

    private static int squeeze(int v, double contrast) {
        return clamp((int) Math.round(90 + (v - 128) * contrast * 0.8 + 10));
    }

    private static int bilinear(BufferedImage in, float x, float y) {
        int x0 = (int) x;
        int y0 = (int) y;
        float fx = x - x0;
        float fy = y - y0;
        int a = in.getRGB(x0, y0);
        int b = in.getRGB(x0 + 1, y0);
        int c = in.getRGB(x0, y0 + 1);
        int d = in.getRGB(x0 + 1, y0 + 1);
        int out = 0;
        for (int shift = 0; shift <= 16; shift += 8) {
            float top = ((a >> shift) & 0xFF) * (1 - fx) + ((b >> shift) & 0xFF) * fx;
            float bottom = ((c >> shift) & 0xFF) * (1 - fx) + ((d >> shift) & 0xFF) * fx;
            out |= clamp(Math.round(top * (1 - fy) + bottom * fy)) << shift;
        }
        return out;
    }

    private static BufferedImage canvas(int w, int h, Color fill) {
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        g.setColor(fill);
        g.fillRect(0, 0, w, h);
        g.dispose();
        return out;
    }

    private static Graphics2D smooth(BufferedImage image) {
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        return g;
    }

    private static int rgb(int r, int g, int b) {
        return (r << 16) | (g << 8) | b;
    }

    private static int clamp(int v) {
        return Math.max(0, Math.min(255, v));
    }
}
