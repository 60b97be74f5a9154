package dev.lawang.qr;

import java.awt.image.BufferedImage;
import java.io.StringReader;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.xml.sax.InputSource;

/** Parses SVG with the JDK's DOM parser and draws the module paths this package writes into an image. */
final class Svg {
    private static final Pattern RUN = Pattern.compile("M(\\d+) (\\d+)h(\\d+)v1h-(\\d+)z");

    private Svg() {}

    static Document parse(String svg) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(new InputSource(new StringReader(svg)));
    }

    /** Draws the {@code path} of an element whose view box is {@code 0 0 side side}, {@code px} pixels per module. */
    static BufferedImage rasterize(Element symbol, int px) {
        String[] viewBox = symbol.getAttribute("viewBox").split(" ");
        int side = Integer.parseInt(viewBox[2]);
        Element path = (Element) symbol.getElementsByTagNameNS("http://www.w3.org/2000/svg", "path").item(0);
        BufferedImage image = new BufferedImage(side * px, side * px, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < side * px; y++) {
            for (int x = 0; x < side * px; x++) {
                image.setRGB(x, y, 0xFFFFFF);
            }
        }
        Matcher m = RUN.matcher(path.getAttribute("d"));
        int end = 0;
        while (m.find()) {
            if (m.start() != end) {
                throw new IllegalStateException("unexpected path data at " + end);
            }
            end = m.end();
            int x0 = Integer.parseInt(m.group(1));
            int y0 = Integer.parseInt(m.group(2));
            int w = Integer.parseInt(m.group(3));
            for (int y = y0 * px; y < (y0 + 1) * px; y++) {
                for (int x = x0 * px; x < (x0 + w) * px; x++) {
                    image.setRGB(x, y, 0);
                }
            }
        }
        if (end != path.getAttribute("d").length()) {
            throw new IllegalStateException("unexpected path data at " + end);
        }
        return image;
    }
}
