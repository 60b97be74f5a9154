package dev.lawang.qr;

import java.util.List;
import java.util.Locale;

/**
 * Lays out the A4 entrance poster in millimetres.
 *
 * <p>SVG text does not wrap, so the agency list is fitted by choosing the number of columns and the largest font size
 * at which the longest name fits its column, with widths estimated from the character count (a sans-serif glyph is on
 * average at most 0.55 em wide).
 */
final class PosterLayout {
    private static final double WIDTH = 210;
    private static final double MARGIN = 12;
    private static final double SYMBOL_SIZE = 105;
    private static final double SYMBOL_TOP = 50;
    private static final double LIST_TOP = 172;
    private static final double LIST_BOTTOM = 246;
    private static final double GLYPH_WIDTH_EM = 0.55;
    private static final double MAX_LIST_FONT = 5;
    private static final int MAX_COLUMNS = 4;
    /** Line height as a multiple of the font size. */
    private static final double LINE_SPACING = 1.4;
    /** The smallest font, in millimetres (about 7 pt), the list is drawn in when it is limited by its height. */
    static final double MIN_LIST_FONT = 2.5;
    /** The most names the list area holds at {@link #MIN_LIST_FONT} in {@link #MAX_COLUMNS} columns: 4 x 21. */
    static final int MAX_NAMES = MAX_COLUMNS * (int) ((LIST_BOTTOM - LIST_TOP) / (LINE_SPACING * MIN_LIST_FONT));

    private PosterLayout() {}

    static String draw(QrImages.Symbol symbol, Poster poster) {
        StringBuilder svg = new StringBuilder(16_384);
        svg.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
                .append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"210mm\" height=\"297mm\"")
                .append(" viewBox=\"0 0 210 297\" font-family=\"DejaVu Sans, Arial, Helvetica, sans-serif\">\n")
                .append("<title>").append(escape("Check-in: " + poster.siteName())).append("</title>\n")
                .append("<rect width=\"210\" height=\"297\" fill=\"#ffffff\"/>\n")
                .append("<rect x=\"0\" y=\"0\" width=\"210\" height=\"30\" fill=\"#0b3d91\"/>\n");
        text(svg, WIDTH / 2, 14, 9, "bold", "#ffffff", "PINDAI UNTUK CHECK-IN");
        text(svg, WIDTH / 2, 24, 5.5, "normal", "#ffffff", "Scan to check in");
        text(svg, WIDTH / 2, 40, fit(poster.siteName(), 7.5, WIDTH - 2 * MARGIN), "bold", "#000000",
                poster.siteName());
        if (!poster.address().isBlank()) {
            text(svg, WIDTH / 2, 46.5, fit(poster.address(), 4, WIDTH - 2 * MARGIN), "normal", "#333333",
                    poster.address());
        }

        int side = symbol.sideWithQuietZone();
        double symbolX = (WIDTH - SYMBOL_SIZE) / 2;
        svg.append("<svg id=\"qr\" x=\"").append(num(symbolX)).append("\" y=\"").append(num(SYMBOL_TOP))
                .append("\" width=\"").append(num(SYMBOL_SIZE)).append("\" height=\"").append(num(SYMBOL_SIZE))
                .append("\" viewBox=\"0 0 ").append(side).append(' ').append(side)
                .append("\" shape-rendering=\"crispEdges\">\n")
                .append("<rect width=\"").append(side).append("\" height=\"").append(side)
                .append("\" fill=\"#ffffff\"/>\n")
                .append("<path fill=\"#000000\" d=\"").append(symbol.svgPath()).append("\"/>\n")
                .append("</svg>\n");

        text(svg, WIDTH / 2, 163, 4.2, "bold", "#000000",
                "Kode ini berlaku untuk " + poster.agencyNames().size() + " instansi / valid for "
                        + poster.agencyNames().size() + (poster.agencyNames().size() == 1 ? " agency:" : " agencies:"));
        agencyList(svg, poster.agencyNames());

        svg.append("<line x1=\"").append(num(MARGIN)).append("\" y1=\"250\" x2=\"").append(num(WIDTH - MARGIN))
                .append("\" y2=\"250\" stroke=\"#0b3d91\" stroke-width=\"0.4\"/>\n");
        String validity = "Berlaku / Valid: " + poster.validFrom() + " \u2013 " + poster.validUntil();
        text(svg, WIDTH / 2, 257, fit(validity, 4, WIDTH - 2 * MARGIN), "bold", "#000000", validity);
        String[] lines = {
            "1. Buka aplikasi check-in dan pindai kode ini. 2. Pilih instansi yang Anda tuju.",
            "3. Izinkan akses lokasi: check-in hanya berlaku di dalam area kompleks ini.",
            "1. Open the check-in app and scan this code. 2. Choose the agency you are visiting.",
            "3. Allow location access: check-in works only inside this site.",
        };
        double y = 265;
        for (int i = 0; i < lines.length; i++) {
            boolean english = i >= 2;
            text(svg, WIDTH / 2, y, 3.4, "normal", english ? "#555555" : "#000000", lines[i]);
            y += english || i == 1 ? 5.2 : 4.6;
        }
        svg.append("</svg>\n");
        return svg.toString();
    }

    private static void agencyList(StringBuilder svg, List<String> names) {
        double height = LIST_BOTTOM - LIST_TOP;
        double usable = WIDTH - 2 * MARGIN;
        int longest = names.stream().mapToInt(n -> n.length() + 2).max().orElse(1);
        int bestColumns = 1;
        double bestFont = 0;
        for (int columns = 1; columns <= MAX_COLUMNS; columns++) {
            int rows = (names.size() + columns - 1) / columns;
            double byHeight = height / (rows * LINE_SPACING);
            double byWidth = (usable / columns - 3) / (longest * GLYPH_WIDTH_EM);
            double font = Math.min(MAX_LIST_FONT, Math.min(byHeight, byWidth));
            if (font > bestFont + 1e-9) {
                bestFont = font;
                bestColumns = columns;
            }
        }
        int rows = (names.size() + bestColumns - 1) / bestColumns;
        double columnWidth = usable / bestColumns;
        double lineHeight = bestFont * LINE_SPACING;
        double top = LIST_TOP + Math.max(0, (height - rows * lineHeight) / 2) + bestFont;
        for (int i = 0; i < names.size(); i++) {
            int column = i / rows;
            int row = i % rows;
            double x = MARGIN + column * columnWidth + 2;
            svg.append("<text x=\"").append(num(x)).append("\" y=\"").append(num(top + row * lineHeight))
                    .append("\" font-size=\"").append(num(bestFont)).append("\" fill=\"#000000\">")
                    .append("\u2022 ").append(escape(names.get(i))).append("</text>\n");
        }
    }

    private static double fit(String s, double maxFont, double width) {
        return Math.min(maxFont, width / (Math.max(1, s.length()) * GLYPH_WIDTH_EM));
    }

    private static void text(StringBuilder svg, double x, double y, double size, String weight, String fill,
            String content) {
        svg.append("<text x=\"").append(num(x)).append("\" y=\"").append(num(y))
                .append("\" font-size=\"").append(num(size)).append("\" font-weight=\"").append(weight)
                .append("\" fill=\"").append(fill).append("\" text-anchor=\"middle\">")
                .append(escape(content)).append("</text>\n");
    }

    private static String num(double v) {
        return String.format(Locale.ROOT, "%.2f", v);
    }

    /** Escapes XML markup and replaces characters that XML 1.0 forbids, so any name yields a well-formed document. */
    static String escape(String s) {
        StringBuilder out = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); ) {
            int c = s.codePointAt(i);
            i += Character.charCount(c);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&apos;");
                default -> {
                    boolean allowed = c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF)
                            || (c >= 0xE000 && c <= 0xFFFD) || (c >= 0x10000 && c <= 0x10FFFF);
                    out.appendCodePoint(allowed ? c : 0xFFFD);
                }
            }
        }
        return out.toString();
    }
}
