package dev.lawang.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A workload in a child JVM for the crash tests: started on this test's class path, run until it prints
 * {@code READY}, left to work a while, then killed with SIGKILL through its own process handle (never by name).
 */
public final class ChildJvm {
    private ChildJvm() {
    }

    /**
     * Starts the workload, lets it run, kills it, and returns the complete lines it printed before it died; a line cut
     * off by the kill was never acknowledged and is left out.
     *
     * @param main the workload's main class
     * @param heap the child's {@code -Xmx}, such as {@code "256m"}
     * @param millis how long to let it run after it is ready
     * @param args the workload's arguments
     * @return the lines, in the order printed
     * @throws IOException if the child cannot be started or read
     * @throws InterruptedException if the test is interrupted
     */
    public static List<String> runAndKill(Class<?> main, String heap, long millis, String... args)
            throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-Xmx" + heap, "-cp",
                System.getProperty("java.class.path"), main.getName()));
        command.addAll(List.of(args));
        Process child = new ProcessBuilder(command).redirectErrorStream(true).start();
        try {
            InputStream in = child.getInputStream();
            ByteArrayOutputStream seen = new ByteArrayOutputStream();
            long readyBy = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (!seen.toString(StandardCharsets.US_ASCII).contains("READY\n")) {
                assertThat(System.nanoTime()).as("the workload starts within a minute").isLessThan(readyBy);
                assertThat(child.isAlive()).as("the workload runs: %s", seen).isTrue();
                if (in.available() > 0) {
                    seen.write(in.readNBytes(in.available()));
                } else {
                    Thread.sleep(10);
                }
            }
            Thread.sleep(millis);
            assertThat(child.isAlive()).as("the workload still runs: %s", seen).isTrue();
            // SIGKILL through the process handle; our end of the pipe stays open, so what it printed is still read.
            assertThat(child.toHandle().destroyForcibly()).as("SIGKILL sent").isTrue();
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).as("the killed workload ends").isTrue();
            seen.write(in.readAllBytes());
            String text = seen.toString(StandardCharsets.US_ASCII);
            String complete = text.substring(0, text.lastIndexOf('\n') + 1);
            return new ArrayList<>(List.of(complete.split("\n")));
        } finally {
            child.destroyForcibly();
            child.waitFor(30, TimeUnit.SECONDS);
        }
    }
}
