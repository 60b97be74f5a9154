package dev.lawang.code;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import com.google.zxing.qrcode.encoder.Encoder;
import dev.lawang.testing.Sragen;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

class CodeSizeTest {
    private static final Logger LOG = LoggerFactory.getLogger(CodeSizeTest.class);
    private static final Issuer ISSUER = Issuer.generate();

    @Test
    void code_forSetdaFitsQrVersion10AtLevelM() throws WriterException {
        SharedCode one = code(1);
        SharedCode fourteen = code(14);
        SharedCode sixtyFour = SharedCode.builder(Sragen.SETDA).covering(Sragen.WITH_A_REQUEST)
                .validFrom(Instant.parse("2026-12-01T00:00:00Z")).validUntil(Instant.parse("2027-01-01T00:00:00Z"))
                .build();
        int v1 = version(ISSUER.sign(one));
        int v14 = version(ISSUER.sign(fourteen));
        int v64 = version(ISSUER.sign(sixtyFour));
        LOG.info("QR version at level M: 1 agency {} ({} chars), 14 agencies {} ({} chars), 64 agencies {} ({} chars)",
                v1, ISSUER.sign(one).length(), v14, ISSUER.sign(fourteen).length(), v64,
                ISSUER.sign(sixtyFour).length());
        assertThat(v14).isLessThanOrEqualTo(10);
        assertThat(v1).isLessThanOrEqualTo(v14);
        assertThat(v64).isLessThanOrEqualTo(40);
    }

    private static SharedCode code(int agencies) {
        return SharedCode.builder(Sragen.SETDA).covering(Sragen.SETDA_UNITS.subList(0, agencies))
                .validFrom(Instant.parse("2026-12-01T00:00:00Z")).validUntil(Instant.parse("2027-01-01T00:00:00Z"))
                .build();
    }

    private static int version(String text) throws WriterException {
        return Encoder.encode(text, ErrorCorrectionLevel.M, Map.<EncodeHintType, Object>of()).getVersion()
                .getVersionNumber();
    }
}
