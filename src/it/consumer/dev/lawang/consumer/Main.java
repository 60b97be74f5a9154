package dev.lawang.consumer;

import dev.lawang.CheckIn;
import dev.lawang.Decision;
import dev.lawang.Gate;
import dev.lawang.code.Issuer;
import dev.lawang.code.SharedCode;
import dev.lawang.code.TrustList;
import dev.lawang.code.Verifier;
import dev.lawang.directory.Agency;
import dev.lawang.directory.AgencyId;
import dev.lawang.directory.Directory;
import dev.lawang.directory.Site;
import dev.lawang.directory.SiteId;
import dev.lawang.geo.Fix;
import dev.lawang.geo.GeoPoint;
import dev.lawang.geo.Geofence;
import dev.lawang.qr.QrImages;
import dev.lawang.visit.Role;
import dev.lawang.visit.VisitorRef;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;

/**
 * Signs and verifies a code, checks a visitor in through a gate, draws the code as a PNG and tries to read it back,
 * printing one {@code key=value} line per finding for the test that runs it.
 */
public final class Main {
    private Main() {
    }

    /**
     * Runs the consumer.
     *
     * @param args none
     */
    public static void main(String[] args) {
        SiteId siteId = SiteId.of("setda-complex");
        AgencyId agency = AgencyId.of("diskominfo");
        GeoPoint centre = GeoPoint.of(-7.4270, 111.0190);
        Instant now = Instant.now();
        Issuer issuer = Issuer.generate();
        String text = issuer.sign(SharedCode.builder(siteId).covering(agency)
                .validFrom(now.minus(Duration.ofDays(1)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS))
                .validUntil(now.plus(Duration.ofDays(1)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS)).build());
        Verifier verifier = Verifier.of(TrustList.builder().trust(issuer.publicKey()).build());
        System.out.println("verified.site=" + verifier.verify(text, now).site());

        Site site = Site.builder(siteId).name("Kompleks Setda").geofence(Geofence.circle(centre, 100))
                .tenants(agency).build();
        Gate gate = Gate.builder().directory(Directory.builder().agencies(Agency.of(agency, "Diskominfo"))
                .sites(site).build()).verifier(verifier).build();
        VisitorRef visitor = VisitorRef.pseudonymise("3314010101010001",
                "the consumer's secret, 32 bytes or more".getBytes(StandardCharsets.US_ASCII));
        Decision decision = gate.checkIn(new CheckIn(text, visitor, agency, Role.GUEST, Fix.of(centre, 10).at(now),
                null));
        System.out.println("admitted=" + decision.isAdmitted());
        System.out.println("module=" + Gate.class.getModule().getName());
        System.out.println("java.desktop=" + ModuleLayer.boot().findModule("java.desktop").isPresent());
        Gate.class.getModule().getDescriptor().requires().stream().filter(r -> r.name().equals("java.desktop"))
                .forEach(r -> System.out.println("requires.java.desktop=" + r.modifiers()));

        byte[] png = QrImages.png(text, 400);
        System.out.println("png.bytes=" + png.length);
        try {
            System.out.println("read=" + QrImages.read(png).map(text::equals).orElse(false));
        } catch (IllegalStateException e) {
            System.out.println("read.refused=" + e.getMessage());
        }
    }
}
