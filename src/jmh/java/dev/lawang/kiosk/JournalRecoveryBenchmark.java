package dev.lawang.kiosk;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Opening a journal of one million decisions (about 109 MB): reading, checking and decoding every record, against
 * a baseline of reading the same file's bytes through the same channel without looking at them. The file is
 * written once per trial, in frames exactly as {@link Journal#append} writes them (without a flush per record, which
 * would take hours), and read warm from the page cache, as a kiosk restarted after a crash of the JVM would.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3)
@Measurement(iterations = 10)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
public class JournalRecoveryBenchmark {
    /** Created by JMH. */
    public JournalRecoveryBenchmark() {
    }

    static final int DECISIONS = 1_000_000;

    /** The journal file of one million decisions. */
    @State(Scope.Benchmark)
    public static class MillionDecisions {
        /** Created by JMH. */
        public MillionDecisions() {
        }

        Path file;

        @Setup(Level.Trial)
        public void write() throws IOException {
            file = JournalBenchmark.fresh("million.journal");
            try (OutputStream out = new java.io.BufferedOutputStream(Files.newOutputStream(file), 1 << 20)) {
                out.write(JournalFormat.MAGIC);
                for (int i = 1; i <= DECISIONS; i++) {
                    out.write(JournalFormat.frame(i, JournalBenchmark.decision(i)));
                }
            }
        }
    }

    /** Opens the journal, which recovers every record, and closes it again. */
    @Benchmark
    public int open(MillionDecisions m) throws IOException {
        try (Journal journal = Journal.open(m.file)) {
            return journal.recovered().size();
        }
    }

    /** Baseline: the file's bytes read through a channel into the same size of window, nothing decoded. */
    @Benchmark
    public long readBytes(MillionDecisions m) throws IOException {
        java.nio.ByteBuffer window = java.nio.ByteBuffer.allocate(1 << 20);
        long total = 0;
        try (FileChannel channel = FileChannel.open(m.file, StandardOpenOption.READ)) {
            int n;
            while ((n = channel.read(window)) >= 0) {
                total += n;
                window.clear();
            }
        }
        return total;
    }
}
