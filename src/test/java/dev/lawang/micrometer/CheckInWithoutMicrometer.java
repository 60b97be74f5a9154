package dev.lawang.micrometer;

import dev.lawang.Decision;
import dev.lawang.Gate;

/**
 * A host that uses the core and not Micrometer, for {@link WithoutMicrometerTest} to run in a JVM whose class path
 * holds no Micrometer jar. Prints {@code key=value} lines.
 */
public final class CheckInWithoutMicrometer {
    private CheckInWithoutMicrometer() {
    }

    public static void main(String[] args) {
        System.out.println("micrometer=" + (present("io.micrometer.core.instrument.MeterRegistry") ? "present"
                : "absent"));
        MetricsWorld world = new MetricsWorld();
        Gate gate = world.gate().policy(MetricsWorld.policy()).listener(event -> { }).build();
        Decision scanned = gate.checkIn(world.scan(1, MetricsWorld.DISKOMINFO, MetricsWorld.SETDA_CENTRE));
        Decision walkedIn = gate.walkIn(MetricsWorld.walkIn(2, true));
        System.out.println("admitted=" + scanned.isAdmitted());
        System.out.println("walkIn.admitted=" + walkedIn.isAdmitted());
        System.out.println("present=" + gate.occupancy(MetricsWorld.SETDA).present());
        System.out.println("checkedOut=" + gate.checkOut(MetricsWorld.ticket(scanned).id()).isPresent());
    }

    private static boolean present(String className) {
        try {
            Class.forName(className, false, CheckInWithoutMicrometer.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }
}
