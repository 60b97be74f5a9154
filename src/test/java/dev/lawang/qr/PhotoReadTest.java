package dev.lawang.qr;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.function.BiFunction;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads symbols back from distorted renderings and reports the share read at each level of each distortion. The
 * table goes to the log and to {@code target/qr-read-shares.md}; docs/qr.md quotes it. Everything is seeded, so the
 * shares are the same on every run.
 */
class PhotoReadTest {
    private static final Logger LOG = LoggerFactory.getLogger(PhotoReadTest.class);
    private static final String ALPHANUMERIC = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:";
    /** Three texts the length of a one-agency code (version 8) and three of a 14-agency code (version 10). */
    private static final List<String> TEXTS = texts();
    private static final Map<String, double[]> SHARES = new LinkedHashMap<>();

    private static List<String> texts() {
        Random random = new Random(7);
        List<String> out = new ArrayList<>();
        for (int length : new int[] {180, 180, 180, 273, 273, 273}) {
            StringBuilder s = new StringBuilder("LW1:");
            while (s.length() < length) {
                s.append(ALPHANUMERIC.charAt(random.nextInt(ALPHANUMERIC.length())));
            }
            out.add(s.toString());
        }
        return out;
    }

    private static double[] shares(String name, String[] levels,
            BiFunction<BufferedImage, Integer, BufferedImage> distort) {
        double[] shares = new double[levels.length];
        for (int level = 0; level < levels.length; level++) {
            int read = 0;
            for (int i = 0; i < TEXTS.size(); i++) {
                BufferedImage clean = Photo.decodePng(QrImages.png(TEXTS.get(i), 400));
                BufferedImage image = distort.apply(clean, level * 100 + i);
                if (DesktopImages.read(image).filter(TEXTS.get(i)::equals).isPresent()) {
                    read++;
                }
            }
            shares[level] = (double) read / TEXTS.size();
        }
        StringBuilder row = new StringBuilder();
        for (int level = 0; level < levels.length; level++) {
            row.append(String.format(Locale.ROOT, " | %s: %.0f %%", levels[level], 100 * shares[level]));
        }
        SHARES.put(name + row, shares);
        LOG.info("{}{}", name, row);
        return shares;
    }

    @Test
    void read_findsRotatedSymbols() {
        double[] deg = {10, 30, 45, 135};
        double[] s = shares("rotated", new String[] {"10°", "30°", "45°", "135°"},
                (img, k) -> Photo.rotate(img, deg[k / 100]));
        assertThat(s).containsOnly(1.0);
    }

    @Test
    void read_findsScaledDownSymbols() {
        double[] f = {0.6, 0.4, 0.3, 0.22};
        double[] s = shares("scaled down (module px)", new String[] {"3.6 px", "2.4 px", "1.8 px", "1.3 px"},
                (img, k) -> Photo.scale(img, f[k / 100]));
        assertThat(s[0]).isEqualTo(1.0);
        assertThat(s[1]).isEqualTo(1.0);
    }

    @Test
    void read_findsSymbolsSeenAtAnAngle() {
        double[] p = {0.05, 0.1, 0.15, 0.2};
        double[] s = shares("perspective (top edge shrunk)", new String[] {"10 %", "20 %", "30 %", "40 %"},
                (img, k) -> Photo.perspective(img, p[k / 100]));
        assertThat(s[0]).isEqualTo(1.0);
        assertThat(s[1]).isGreaterThanOrEqualTo(0.8);
    }

    @Test
    void read_findsBlurredSymbols() {
        double[] sigma = {1, 2, 3, 4};
        double[] s = shares("blurred (sigma, modules are 6 px)", new String[] {"1 px", "2 px", "3 px", "4 px"},
                (img, k) -> Photo.blur(img, sigma[k / 100]));
        assertThat(s[0]).isEqualTo(1.0);
        assertThat(s[1]).isEqualTo(1.0);
    }

    @Test
    void read_findsNoisySymbols() {
        double[] sigma = {20, 40, 60, 80};
        double[] s = shares("noisy (sigma, grey levels)", new String[] {"20", "40", "60", "80"},
                (img, k) -> Photo.noise(img, sigma[k / 100], k));
        assertThat(s).containsOnly(1.0);
    }

    @Test
    void read_findsLowContrastSymbols() {
        double[] c = {0.5, 0.3, 0.2, 0.1};
        double[] s = shares("low contrast (share of full range)", new String[] {"40 %", "24 %", "16 %", "8 %"},
                (img, k) -> Photo.lowContrast(img, c[k / 100]));
        assertThat(s[0]).isEqualTo(1.0);
        assertThat(s[1]).isEqualTo(1.0);
    }

    @Test
    void read_findsSymbolsOnABusyBackground() {
        double[] share = {0.6, 0.4, 0.3, 0.2};
        double[] s = shares("busy background (symbol width / 800 px image)", new String[] {"60 %", "40 %", "30 %",
            "20 %"}, (img, k) -> Photo.onBusyBackground(img, 800, 800, share[k / 100], k));
        assertThat(s[0]).isEqualTo(1.0);
        assertThat(s[1]).isEqualTo(1.0);
    }

    @Test
    void read_findsSymbolsInPhotoLikeImages() {
        double[] s = shares("photo-like 1000 x 1000 (all of the above, moderate)", new String[] {"one level"},
                (img, k) -> Photo.photoLike(img, 1000, k));
        assertThat(s[0]).isGreaterThanOrEqualTo(5.0 / 6);
    }

    @AfterAll
    static void writeTable() throws IOException {
        StringBuilder md = new StringBuilder("| distortion | share read at each level |\n|---|---|\n");
        SHARES.keySet().forEach(row -> {
            int bar = row.indexOf(" | ");
            md.append("| ").append(row, 0, bar).append(" |").append(row.substring(bar + 2).replace(" | ", "; "))
                    .append(" |\n");
        });
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target/qr-read-shares.md"), md, StandardCharsets.UTF_8);
    }
}
