package dev.lawang;

import static dev.lawang.testing.Sragen.DISKOMINFO;
import static dev.lawang.testing.Sragen.IN_SETDA;
import static dev.lawang.testing.Sragen.KEJARI;
import static dev.lawang.testing.Sragen.SETDA;
import static dev.lawang.testing.Sragen.visitor;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lawang.code.Display;
import dev.lawang.code.DisplayGrant;
import dev.lawang.code.SharedCode;
import dev.lawang.code.TrustList;
import dev.lawang.code.Verifier;
import dev.lawang.directory.Directory;
import dev.lawang.directory.Site;
import dev.lawang.testing.Sragen;
import dev.lawang.visit.EntryChannel;
import dev.lawang.visit.Role;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The gate with a display at the Setda complex's door: rotating codes, and the site that requires them. */
class GateRotatingCodeTest {
    private final GateFixture world = new GateFixture();
    private final KeyPair screen = ed25519();
    private final DisplayGrant grant = world.issuer.grantDisplay(screen.getPublic(),
            world.code(SETDA, DISKOMINFO, Sragen.BAPPEDA).build(), DisplayGrant.DEFAULT_STEP);
    private final Display display = Display.of(grant, screen.getPrivate());

    private static KeyPair ed25519() {
        try {
            return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }

    private Gate gate(Directory directory) {
        TrustList trust = TrustList.builder().trust(world.issuer.publicKey()).grant(grant).build();
        return Gate.builder().directory(directory).verifier(Verifier.of(trust)).clock(world.clock).build();
    }

    private Directory rotatingSetda() {
        List<Site> sites = new ArrayList<>();
        for (Site site : world.directory.sites()) {
            sites.add(site.id().equals(SETDA) ? site.toBuilder().requiresRotatingCode(true).build() : site);
        }
        return Directory.builder().agencies(world.directory.agencies()).sites(sites).build();
    }

    private CheckIn scan(String code, int visitor, dev.lawang.directory.AgencyId agency) {
        return new CheckIn(code, visitor(visitor), agency, Role.GUEST, world.at(IN_SETDA), HealthStatus.GREEN);
    }

    private static Decision.Refused refused(Decision decision) {
        assertThat(decision).isInstanceOf(Decision.Refused.class);
        return (Decision.Refused) decision;
    }

    @Test
    void checkIn_admitsAVisitorWhoScansTheDisplay() {
        Gate gate = gate(world.directory);

        Decision decision = gate.checkIn(scan(display.codeAt(world.clock.instant()), 1, DISKOMINFO));

        assertThat(decision).isInstanceOf(Decision.Admitted.class);
        assertThat(gate.visitLog().visitsOf(visitor(1))).hasSize(1);
    }

    @Test
    void eachWayIn_isTheChannelOfTheTicketTheVisitAndTheEvents() {
        String poster = "NZCOVIDTRACER:eyJnbG4iOiI5NDI5MDU2MTAwMjYwMSIsInZlciI6ImMxOS4xIn0=";
        TrustList trust = TrustList.builder().trust(world.issuer.publicKey()).grant(grant)
                .registerForeign(poster, world.code(SETDA, DISKOMINFO).build()).build();
        List<GateEvent> events = new ArrayList<>();
        Gate gate = Gate.builder().directory(world.directory).verifier(Verifier.of(trust)).clock(world.clock)
                .listener(events::add).build();

        Decision printed = gate.checkIn(world.setdaGuest(11, DISKOMINFO));
        Decision rotating = gate.checkIn(scan(display.codeAt(world.clock.instant()), 12, DISKOMINFO));
        Decision foreign = gate.checkIn(scan(poster, 13, DISKOMINFO));
        Decision walkIn = gate.walkIn(GateFixture.walkIn(14, Role.GUEST));

        assertThat(channelOf(printed)).isEqualTo(EntryChannel.PRINTED_CODE);
        assertThat(channelOf(rotating)).isEqualTo(EntryChannel.ROTATING_CODE);
        assertThat(channelOf(foreign)).isEqualTo(EntryChannel.REGISTERED_FOREIGN_CODE);
        assertThat(channelOf(walkIn)).isEqualTo(EntryChannel.WALK_IN);
        assertThat(List.of(11, 12, 13, 14)).extracting(n -> gate.visitLog().openVisitOf(visitor(n)).orElseThrow()
                .channel()).containsExactly(EntryChannel.PRINTED_CODE, EntryChannel.ROTATING_CODE,
                        EntryChannel.REGISTERED_FOREIGN_CODE, EntryChannel.WALK_IN);
        assertThat(events).filteredOn(GateEvent.Admitted.class::isInstance)
                .extracting(e -> ((GateEvent.Admitted) e).visit().channel())
                .containsExactly(EntryChannel.PRINTED_CODE, EntryChannel.ROTATING_CODE,
                        EntryChannel.REGISTERED_FOREIGN_CODE, EntryChannel.WALK_IN);
        // A repeat scan of the printed poster by the visitor who came through the display keeps the display's entry.
        Decision again = gate.checkIn(world.setdaGuest(12, DISKOMINFO));
        assertThat(((Decision.Admitted) again).repeat()).isTrue();
        assertThat(channelOf(again)).isEqualTo(EntryChannel.ROTATING_CODE);
        assertThat(gate.checkOut(((Decision.Admitted) foreign).ticket().id()).orElseThrow().channel())
                .isEqualTo(EntryChannel.REGISTERED_FOREIGN_CODE);
    }

    private static EntryChannel channelOf(Decision decision) {
        assertThat(decision).isInstanceOf(Decision.Admitted.class);
        return ((Decision.Admitted) decision).ticket().channel();
    }

    @Test
    void checkIn_refusesAPhotoOfTheDisplayRelayedFiveMinutesLaterAndRecordsNothing() {
        Gate gate = gate(world.directory);
        String photo = display.codeAt(world.clock.instant());
        world.clock.advance(Duration.ofMinutes(5));

        Decision.Refused refused = refused(gate.checkIn(scan(photo, 2, DISKOMINFO)));

        assertThat(refused.reason()).isEqualTo(RefusalReason.STALE);
        assertThat(refused.detail()).startsWith(RefusalReason.STALE.sentence()).contains("s before the gate's clock");
        assertThat(gate.visitLog().visitsOf(visitor(2))).isEmpty();
        assertThat(gate.occupancy(SETDA).present()).isZero();
    }

    @Test
    void checkIn_refusesAnAgencyTheGrantDoesNotCover() {
        Gate gate = gate(world.directory);

        Decision.Refused refused = refused(gate.checkIn(scan(display.codeAt(world.clock.instant()), 3,
                Sragen.BPKPD)));

        assertThat(refused.reason()).isEqualTo(RefusalReason.AGENCY_NOT_COVERED);
        assertThat(gate.occupancy(SETDA).present()).isZero();
    }

    @Test
    void checkIn_neverAdmitsWithAGrantToAnotherSite() {
        Gate gate = gate(world.directory);
        CheckIn atKejari = new CheckIn(display.codeAt(world.clock.instant()), visitor(4), KEJARI, Role.GUEST,
                world.at(Sragen.IN_KEJARI_OFFICE), HealthStatus.GREEN);

        Decision.Refused refused = refused(gate.checkIn(atKejari));

        assertThat(refused.reason()).isEqualTo(RefusalReason.AGENCY_NOT_COVERED);
        assertThat(refused.detail()).contains("site " + SETDA);
    }

    @Test
    void checkIn_refusesThePrintedPosterOfASiteThatRequiresRotatingCodes() {
        Gate gate = gate(rotatingSetda());

        Decision.Refused refused = refused(gate.checkIn(world.setdaGuest(5, DISKOMINFO)));

        assertThat(refused.reason()).isEqualTo(RefusalReason.ROTATING_CODE_REQUIRED);
        assertThat(refused.detail()).contains("printed poster");
        assertThat(gate.visitLog().visitsOf(visitor(5))).isEmpty();
        assertThat(gate.checkIn(scan(display.codeAt(world.clock.instant()), 5, DISKOMINFO)))
                .isInstanceOf(Decision.Admitted.class);
    }

    @Test
    void checkIn_refusesARegisteredForeignPosterWhereRotatingCodesAreRequired() {
        String poster = "NZCOVIDTRACER:eyJnbG4iOiI5NDI5MDU2MTAwMjYwMSIsInZlciI6ImMxOS4xIn0=";
        SharedCode binding = world.code(SETDA, DISKOMINFO).build();
        TrustList trust = TrustList.builder().trust(world.issuer.publicKey()).registerForeign(poster, binding).build();
        Gate open = Gate.builder().directory(world.directory).verifier(Verifier.of(trust)).clock(world.clock).build();
        Gate strict = Gate.builder().directory(rotatingSetda()).verifier(Verifier.of(trust)).clock(world.clock)
                .build();

        assertThat(open.checkIn(scan(poster, 6, DISKOMINFO))).isInstanceOf(Decision.Admitted.class);
        assertThat(refused(strict.checkIn(scan(poster, 7, DISKOMINFO))).detail())
                .contains("registered foreign poster");
    }
}
