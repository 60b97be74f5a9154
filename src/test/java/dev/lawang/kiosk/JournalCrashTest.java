package dev.lawang.kiosk;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lawang.testing.ChildJvm;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Nothing answered is lost, nothing unwritten appears: a JVM running {@link JournalCrashWorkload} (four desks
 * appending to one journal) is killed with SIGKILL at a random moment, {@value #KILLS} times, a fresh JVM each time
 * on the same file. After every kill the journal, reopened, must hold every decision the killed JVM had answered,
 * each exactly as it was made, each desk's decisions without a gap, and nothing else. The test kills only the
 * processes it started, by their handles.
 *
 * <p>A SIGKILL loses what the process had not handed to the kernel, not what the kernel holds; records torn at the
 * disk are {@link JournalTest}'s part.
 */
class JournalCrashTest {
    private static final int KILLS = 16;

    @TempDir
    Path dir;

    @Test
    void killedWhileAppending_keepsEveryAnsweredDecisionAndNothingElse() throws Exception {
        Path file = dir.resolve("kiosk.journal");
        Random random = new Random(20261202);
        Set<String> answered = new HashSet<>();
        int recovered = 0;
        for (int run = 0; run < KILLS; run++) {
            for (String line : runAndKill(file, run, 50 + random.nextInt(400))) {
                answered.add(line.substring(2));
            }
            try (Journal journal = Journal.open(file)) {
                recovered = check(journal.recovered(), answered, "after kill " + (run + 1));
            }
        }
        System.out.printf("%d kills: %d decisions answered, %d recovered%n", KILLS, answered.size(), recovered);
        assertThat(answered).as("decisions answered over all runs").hasSizeGreaterThan(KILLS * 10);
    }

    /** Returns how many records the journal holds, after checking them against what was answered. */
    private static int check(List<Journal.Entry> entries, Set<String> answered, String when) {
        Set<String> found = new HashSet<>();
        Map<String, Integer> nextCounter = new HashMap<>();
        for (int i = 0; i < entries.size(); i++) {
            Journal.Entry e = entries.get(i);
            assertThat(e.sequence()).as("sequence numbers without gaps, %s", when).isEqualTo(i + 1L);
            int[] key = Decisions.key(e.decision());
            assertThat(e.decision()).as("a decision exactly as made, %s", when)
                    .isEqualTo(Decisions.mixed(key[0], key[1], key[2]));
            String desk = key[0] + " " + key[1];
            assertThat(key[2]).as("desk %s's decisions in order without a gap, %s", desk, when)
                    .isEqualTo(nextCounter.getOrDefault(desk, 0));
            nextCounter.put(desk, key[2] + 1);
            found.add(desk + " " + key[2]);
        }
        assertThat(found).as("every answered decision recovered, %s", when).containsAll(answered);
        return entries.size();
    }

    /** Starts the workload, lets it run, kills it with SIGKILL, and returns the complete answer lines it printed. */
    private static List<String> runAndKill(Path file, int run, long millis) throws IOException,
            InterruptedException {
        List<String> lines = ChildJvm.runAndKill(JournalCrashWorkload.class, "128m", millis, file.toString(),
                Integer.toString(run));
        lines.removeIf(l -> !l.startsWith("A "));
        return lines;
    }
}
