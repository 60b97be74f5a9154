package dev.lawang.code;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lawang.testing.Sragen;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Instant;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class IssuerTest {
    private static final SharedCode CODE = SharedCode.builder(Sragen.SETDA).covering(Sragen.SETDA_UNITS.subList(0, 3))
            .validFrom(Instant.parse("2026-12-01T00:00:00Z")).validUntil(Instant.parse("2027-01-01T00:00:00Z"))
            .build();
    private static final Instant NOW = Instant.parse("2026-12-02T00:00:00Z");

    @Test
    void privateKey_roundTripsThroughPkcs8DerAndPem() {
        Issuer issuer = Issuer.generate();

        Issuer fromDer = Issuer.fromPkcs8(issuer.toPkcs8());
        Issuer fromPem = Issuer.fromPem(issuer.toPem());

        assertThat(fromDer.keyId()).isEqualTo(issuer.keyId());
        assertThat(fromPem.publicKey()).isEqualTo(issuer.publicKey());
        assertThat(fromPem.sign(CODE)).isEqualTo(issuer.sign(CODE));
        assertThat(issuer.toPem()).startsWith("-----BEGIN PRIVATE KEY-----\n").endsWith("-----END PRIVATE KEY-----\n");
    }

    @Test
    void publicKey_roundTripsThroughX509DerAndPem() {
        Issuer issuer = Issuer.generate();

        assertThat(TrustList.publicKeyFromX509(issuer.publicKeyX509())).isEqualTo(issuer.publicKey());
        assertThat(TrustList.publicKeyFromPem(issuer.publicKeyPem())).isEqualTo(issuer.publicKey());
        assertThat(issuer.publicKeyPem()).startsWith("-----BEGIN PUBLIC KEY-----\n");
    }

    @Test
    void fromPem_readsAKeyWrittenByOpenSsl() {
        // openssl genpkey -algorithm ed25519 (RFC 8410 section 10.3 example key)
        String pem = "some text before\n-----BEGIN PRIVATE KEY-----\n"
                + "MC4CAQAwBQYDK2VwBCIEINTuctv5E1hK1bbY8fdp+K06/nwoy/HU++CXqI9EdVhC\n"
                + "-----END PRIVATE KEY-----\n";

        Issuer issuer = Issuer.fromPem(pem);

        assertThat(HexFormat.of().formatHex(issuer.publicKeyX509(), 12, 44))
                .isEqualTo("19bf44096984cdfe8541bac167dc3b96c85086aa30b6b6cb0c5c38ad703166e1");
    }

    @Test
    void of_acceptsAJdkKeyPairAndRejectsMismatchedOrForeignKeys() throws Exception {
        KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        KeyPair other = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        KeyPair ec = KeyPairGenerator.getInstance("EC").generateKeyPair();

        assertThat(Issuer.of(pair).publicKey()).isEqualTo(pair.getPublic());
        assertThatThrownBy(() -> Issuer.of(new KeyPair(other.getPublic(), pair.getPrivate())))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("does not belong");
        assertThatThrownBy(() -> Issuer.of(ec)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void keyImport_rejectsGarbageWithoutQuotingIt() {
        byte[] garbage = HexFormat.of().parseHex("302e020100300506032b6570042204");
        assertThatThrownBy(() -> Issuer.fromPkcs8(garbage)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("not a PKCS#8 Ed25519 private key");
        assertThatThrownBy(() -> Issuer.fromPkcs8(new byte[0])).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Issuer.fromPem("-----BEGIN PRIVATE KEY-----\n!!!\n-----END PRIVATE KEY-----"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Issuer.fromPem("no key here")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TrustList.publicKeyFromX509(new byte[44]))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TrustList.publicKeyFromPem(Issuer.generate().toPem()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("PUBLIC KEY");
    }

    @Test
    void toString_revealsOnlyTheKeyId() {
        Issuer issuer = Issuer.generate();
        String pemBody = issuer.toPem().split("\n")[1];

        assertThat(issuer.toString()).isEqualTo("Issuer[keyId=" + issuer.keyId() + "]").doesNotContain(pemBody);
    }

    @Test
    void sign_producesAnUpperCaseAlphanumericTextThatVerifies() {
        Issuer issuer = Issuer.generate();

        String text = issuer.sign(CODE);

        assertThat(text).startsWith("LW1:").matches("[0-9A-Z $%*+\\-./:]+");
        assertThat(Verifier.of(TrustList.builder().trust(issuer.publicKey()).build()).verify(text, NOW))
                .isEqualTo(CODE);
    }
}
