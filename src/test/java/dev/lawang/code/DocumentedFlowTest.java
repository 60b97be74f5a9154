package dev.lawang.code;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lawang.directory.AgencyId;
import dev.lawang.qr.Poster;
import dev.lawang.qr.QrImages;
import dev.lawang.testing.Sragen;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The flow of the design note and docs/qr.md, end to end: issue, print, photograph, read, verify. */
class DocumentedFlowTest {
    @Test
    void issuedCode_survivesPrintingAndReadingBackAndVerifies() {
        Instant t0 = Instant.parse("2026-12-01T00:00:00Z");
        Instant t1 = Instant.parse("2027-06-01T00:00:00Z");
        AgencyId diskominfo = Sragen.DISKOMINFO;
        AgencyId umum = Sragen.BAGIAN_UMUM;

        Issuer issuer = Issuer.generate();
        SharedCode code = SharedCode.builder(Sragen.SETDA).covering(diskominfo, umum).validFrom(t0).validUntil(t1)
                .build();
        String text = issuer.sign(code);
        TrustList trust = TrustList.builder().trust(issuer.publicKey()).revoke(CodeId.random()).build();
        Verifier verifier = Verifier.of(trust);

        byte[] png = QrImages.png(text, 512);
        String poster = QrImages.posterSvg(text, Poster.of("Kompleks Setda Sragen",
                "Jl. Raya Sukowati No. 255, Sragen", List.of("Dinas Komunikasi dan Informatika", "Bagian Umum"),
                "1 Desember 2026 00.00 WIB", "1 Juni 2027 00.00 WIB"));
        Optional<String> read = QrImages.read(png);

        assertThat(poster).contains("Kompleks Setda Sragen");
        assertThat(read).contains(text);
        SharedCode back = verifier.verify(read.orElseThrow(), Instant.parse("2026-12-15T09:30:00Z"));
        assertThat(back).isEqualTo(code);
        assertThat(back.covers(diskominfo)).isTrue();
    }
}
