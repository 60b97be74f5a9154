package dev.lawang.qr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class PosterTest {
    static final List<String> SETDA = List.of(
            "Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu", "Badan Pengelolaan Keuangan dan Pendapatan Daerah",
            "Badan Perencanaan Pembangunan, Penelitian dan Pengembangan Daerah",
            "Dinas Komunikasi dan Informatika", "Bagian Umum", "Bagian Hukum", "Bagian Organisasi",
            "Bagian Perekonomian", "Bagian Pemerintahan", "Bagian Kesejahteraan Rakyat",
            "Bagian Pengadaan Barang dan Jasa", "Bagian Protokol dan Komunikasi Pimpinan",
            "Bagian Administrasi Pembangunan", "Bagian Perencanaan dan Keuangan");
    static final Poster POSTER = Poster.of("Kompleks Setda Sragen", "Jl. Raya Sukowati No. 255, Sragen", SETDA,
            "1 Desember 2026 00.00 WIB", "1 Juni 2027 00.00 WIB");

    @Test
    void posterSvg_isWellFormedA4WithEveryAgencyTheValidityAndBothLanguages() throws Exception {
        String svg = QrImages.posterSvg(QrImagesTest.TEXT, POSTER);
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target/poster-setda.svg"), svg, StandardCharsets.UTF_8);

        Document doc = Svg.parse(svg);
        Element root = doc.getDocumentElement();
        assertThat(root.getAttribute("width")).isEqualTo("210mm");
        assertThat(root.getAttribute("height")).isEqualTo("297mm");
        List<String> texts = texts(doc);
        assertThat(texts).contains("Kompleks Setda Sragen", "Jl. Raya Sukowati No. 255, Sragen");
        for (String agency : SETDA) {
            assertThat(texts).contains("\u2022 " + agency);
        }
        assertThat(String.join("\n", texts)).contains("1 Desember 2026 00.00 WIB", "1 Juni 2027 00.00 WIB",
                "PINDAI UNTUK CHECK-IN", "Scan to check in", "Buka aplikasi", "Open the check-in app");
    }

    @Test
    void posterSvg_symbolReadsBack() throws Exception {
        Document doc = Svg.parse(QrImages.posterSvg(QrImagesTest.TEXT, POSTER));

        Element symbol = byId(doc, "qr");
        assertThat(DesktopImages.read(Svg.rasterize(symbol, 5))).contains(QrImagesTest.TEXT);
    }

    @Test
    void posterSvg_staysWellFormedWithMarkupAndControlCharactersInNames() throws Exception {
        Poster hostile = Poster.of("A & B <Kantor> \"x\" 'y'", "\u0000\u0007 jalan \ud800", List.of("</svg>", "&amp;"),
                "<", ">");

        Document doc = Svg.parse(QrImages.posterSvg(QrImagesTest.TEXT, hostile));

        assertThat(texts(doc)).contains("A & B <Kantor> \"x\" 'y'", "\u2022 </svg>", "\u2022 &amp;");
    }

    @Test
    void posterSvg_fitsSixtyFourLongAgencyNames() throws Exception {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < 64; i++) {
            names.add("Unit Pelaksana Teknis Daerah Puskesmas Nomor " + i);
        }
        String svg = QrImages.posterSvg(QrImagesTest.TEXT, Poster.of("Kabupaten Sragen", "", names, "a", "b"));
        Files.writeString(Path.of("target/poster-64.svg"), svg, StandardCharsets.UTF_8);

        Document doc = Svg.parse(svg);
        assertThat(texts(doc).stream().filter(t -> t.startsWith("\u2022 "))).hasSize(64);
    }

    @Test
    void poster_rejectsBlankNamesAndBadCounts() {
        assertThatThrownBy(() -> Poster.of(" ", "", SETDA, "a", "b")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Poster.of("S", "", List.of(), "a", "b")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Poster.of("S", "", List.of("x", " "), "a", "b"))
                .isInstanceOf(IllegalArgumentException.class);
        List<String> many = new ArrayList<>();
        for (int i = 0; i < 85; i++) {
            many.add("n" + i);
        }
        assertThatThrownBy(() -> Poster.of("S", "", many, "a", "b")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a poster lists 1 to 84 agency names, not 85");
        assertThat(Poster.of("S", "", many.subList(0, 84), "a", "b").agencyNames()).hasSize(84);
    }

    @Test
    void posterSvg_fitsTheMostNamesAtNoLessThanTheSmallestFont() throws Exception {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < Poster.MAX_AGENCY_NAMES; i++) {
            names.add("UPTD " + i);
        }
        Document doc = Svg.parse(QrImages.posterSvg(QrImagesTest.TEXT, Poster.of("Kabupaten Sragen", "", names, "a",
                "b")));

        NodeList nodes = doc.getElementsByTagNameNS("http://www.w3.org/2000/svg", "text");
        int listed = 0;
        for (int i = 0; i < nodes.getLength(); i++) {
            Element text = (Element) nodes.item(i);
            if (text.getTextContent().startsWith("\u2022 ")) {
                listed++;
                assertThat(Double.parseDouble(text.getAttribute("font-size"))).isGreaterThanOrEqualTo(2.5);
                assertThat(Double.parseDouble(text.getAttribute("y"))).isBetween(172.0, 246.0);
            }
        }
        assertThat(listed).isEqualTo(84);
    }

    private static List<String> texts(Document doc) {
        NodeList nodes = doc.getElementsByTagNameNS("http://www.w3.org/2000/svg", "text");
        List<String> out = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            out.add(nodes.item(i).getTextContent());
        }
        return out;
    }

    private static Element byId(Document doc, String id) {
        NodeList all = doc.getElementsByTagNameNS("http://www.w3.org/2000/svg", "svg");
        for (int i = 0; i < all.getLength(); i++) {
            Element e = (Element) all.item(i);
            if (id.equals(e.getAttribute("id"))) {
                return e;
            }
        }
        throw new AssertionError("no element with id " + id);
    }
}
