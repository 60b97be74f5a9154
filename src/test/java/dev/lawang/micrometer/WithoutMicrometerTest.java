package dev.lawang.micrometer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Micrometer is optional: a gate checks visitors in and out in a JVM whose class path is this test's class path
 * without the Micrometer jars (micrometer-core and what it brings: micrometer-commons, micrometer-observation,
 * HdrHistogram).
 */
class WithoutMicrometerTest {
    private static final List<String> MICROMETER_JARS = List.of("micrometer-", "HdrHistogram-", "LatencyUtils-");

    @Test
    void theCore_checksInAndOutWithoutMicrometerOnTheClassPath() throws IOException, InterruptedException {
        List<String> classPath = Arrays.asList(System.getProperty("java.class.path").split(File.pathSeparator));
        List<String> without = classPath.stream().filter(entry -> !isMicrometer(entry)).collect(Collectors.toList());
        assertThat(classPath).as("this test's class path").anyMatch(e -> name(e).startsWith("micrometer-core-"));
        assertThat(without).as("what is left").noneMatch(WithoutMicrometerTest::isMicrometer)
                .anyMatch(e -> e.endsWith("test-classes")).anyMatch(e -> e.endsWith("classes"));

        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", String.join(File.pathSeparator, without), CheckInWithoutMicrometer.class.getName())
                .redirectErrorStream(true).start();
        try {
            boolean finished = process.waitFor(60, TimeUnit.SECONDS);
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(finished).as("the program finishes within a minute").isTrue();
            assertThat(process.exitValue()).as("exit status; output:%n%s", output).isZero();
            assertThat(output.lines().filter(line -> line.contains("=") && !line.startsWith("SLF4J")))
                    .containsExactly("micrometer=absent", "admitted=true", "walkIn.admitted=true", "present=1",
                            "checkedOut=true");
        } finally {
            process.destroyForcibly();
        }
    }

    private static boolean isMicrometer(String entry) {
        String name = name(entry);
        return MICROMETER_JARS.stream().anyMatch(name::startsWith);
    }

    private static String name(String entry) {
        Path file = Path.of(entry).getFileName();
        return file == null ? "" : file.toString();
    }
}
