package dev.lawang.consumer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Loads the packaged jar on the module path, as a consumer would: a small module of its own ({@code src/it/consumer},
 * {@code requires dev.lawang} and nothing else) is compiled against the jar and its runtime dependencies and run in
 * a fresh JVM. It proves that the module descriptor resolves, exports what a host needs, and needs no GUI module:
 * run with {@code --limit-modules} to the consumer and what it requires, as on a runtime image built for it, the
 * JVM holds no {@code java.desktop} and everything but reading images works; reading then fails with a clear message,
 * and works once the host adds the module. (Without {@code --limit-modules} the JDK's service binding resolves
 * {@code java.desktop} for any application.) Runs in the {@code integration-test} phase, after {@code package}.
 */
class ModulePathIT {
    private static final Path JAR = Path.of(System.getProperty("lawang.jar", "target/missing.jar"));
    private static final Path DEPENDENCIES = Path.of(System.getProperty("lawang.dependencies", "target/missing"));
    private static final Path SOURCES = Path.of("src/it/consumer");
    /**
     * Ed25519 is a security provider in the module {@code jdk.crypto.ec}, found by service binding like
     * {@code java.desktop}; a runtime image for a Lawang host needs it, and the limited runs add it.
     */
    private static final String CRYPTO = ModuleLayer.boot().findModule("jdk.crypto.ec").isPresent()
            ? ",jdk.crypto.ec" : "";

    @TempDir
    static Path work;

    private static String modulePath;

    @BeforeAll
    static void compileTheConsumer() throws IOException, InterruptedException {
        assertThat(JAR).as("the packaged jar").isRegularFile();
        assertThat(DEPENDENCIES).as("the runtime dependencies").isDirectory();
        List<String> path = new ArrayList<>();
        path.add(JAR.toString());
        try (Stream<Path> jars = Files.list(DEPENDENCIES)) {
            jars.filter(p -> p.toString().endsWith(".jar")).sorted().forEach(p -> path.add(p.toString()));
        }
        modulePath = String.join(java.io.File.pathSeparator, path);
        List<String> options = new ArrayList<>(List.of("--release", "17", "-Xlint:all,-requires-automatic", "-Werror",
                "--module-path", modulePath, "-d", work.resolve("classes").toString()));
        try (Stream<Path> files = Files.walk(SOURCES)) {
            files.filter(p -> p.toString().endsWith(".java")).forEach(p -> options.add(p.toString()));
        }
        options.add(0, Path.of(System.getProperty("java.home"), "bin", "javac").toString());
        Process javac = new ProcessBuilder(options).redirectErrorStream(true).start();
        try {
            boolean finished = javac.waitFor(120, TimeUnit.SECONDS);
            String diagnostics = new String(javac.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(finished).as("javac finishes within two minutes").isTrue();
            assertThat(javac.exitValue()).as("the consumer compiles against the jar alone:%n%s", diagnostics)
                    .isZero();
        } finally {
            javac.destroyForcibly();
        }
    }

    private static String runFailing(String... javaOptions) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command(javaOptions)).redirectErrorStream(true).start();
        try {
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("the consumer finishes within a minute").isTrue();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(process.exitValue()).as("exit status; output:%n%s", output).isNotZero();
            return output;
        } finally {
            process.destroyForcibly();
        }
    }

    private static List<String> command(String... javaOptions) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(List.of(javaOptions));
        command.addAll(List.of("--module-path", modulePath + java.io.File.pathSeparator + work.resolve("classes"),
                "--module", "dev.lawang.consumer/dev.lawang.consumer.Main"));
        return command;
    }

    private static Map<String, String> run(String... javaOptions) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command(javaOptions)).redirectErrorStream(true).start();
        try {
            boolean finished = process.waitFor(60, TimeUnit.SECONDS);
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(finished).as("the consumer finishes within a minute").isTrue();
            assertThat(process.exitValue()).as("exit status; output:%n%s", output).isZero();
            Map<String, String> found = new LinkedHashMap<>();
            for (String line : output.split("\\R")) {
                int eq = line.indexOf('=');
                if (eq > 0 && !line.startsWith("SLF4J")) {
                    found.put(line.substring(0, eq), line.substring(eq + 1));
                }
            }
            return found;
        } finally {
            process.destroyForcibly();
        }
    }

    @Test
    void aConsumerModuleVerifiesAndChecksInWithoutJavaDesktop() throws Exception {
        Map<String, String> out = run("--limit-modules", "dev.lawang.consumer" + CRYPTO);

        assertThat(out).containsEntry("module", "dev.lawang").containsEntry("verified.site", "setda-complex")
                .containsEntry("admitted", "true").containsEntry("java.desktop", "false")
                .containsEntry("requires.java.desktop", "[STATIC]");
        assertThat(Integer.parseInt(out.get("png.bytes"))).isPositive();
        assertThat(out.get("read.refused")).contains("java.desktop").contains("--add-modules java.desktop");
        assertThat(out).doesNotContainKey("read");
    }

    @Test
    void withoutTheEd25519ProviderTheLibrarySaysWhichModuleIsMissing() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(!CRYPTO.isEmpty(), "this JDK has no module jdk.crypto.ec");
        String output = runFailing("--limit-modules", "dev.lawang.consumer");

        assertThat(output).contains("Ed25519").contains("jdk.crypto.ec");
    }

    @Test
    void aConsumerThatAddsJavaDesktopReadsItsCodeBackFromTheImage() throws Exception {
        Map<String, String> out = run("--limit-modules", "dev.lawang.consumer,java.desktop" + CRYPTO,
                "--add-modules", "java.desktop");

        assertThat(out).containsEntry("java.desktop", "true").containsEntry("read", "true");
        assertThat(out).doesNotContainKey("read.refused");
    }
}
