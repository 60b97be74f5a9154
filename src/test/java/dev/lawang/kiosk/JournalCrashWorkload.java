package dev.lawang.kiosk;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The process {@link JournalCrashTest} kills: a kiosk journal with {@value #DESKS} desks appending decisions as fast
 * as the disk takes them, until it is killed. Once {@link Journal#append} returned, the desk prints
 * {@code A <run> <desk> <counter>}, flushed, before it decides again: that line is the answer given to the visitor,
 * which the test holds the journal to.
 */
public final class JournalCrashWorkload {
    static final int DESKS = 4;

    private JournalCrashWorkload() {
    }

    /**
     * Runs until killed.
     *
     * @param args the journal file and the run's number
     */
    public static void main(String[] args) throws IOException, InterruptedException {
        Journal journal = Journal.open(Path.of(args[0]));
        int run = Integer.parseInt(args[1]);
        PrintStream out = new PrintStream(System.out, false, StandardCharsets.US_ASCII);
        List<Thread> desks = new ArrayList<>();
        for (int t = 0; t < DESKS; t++) {
            int desk = t;
            desks.add(new Thread(() -> work(journal, run, desk, out), "desk-" + t));
        }
        synchronized (out) {
            out.println("READY");
            out.flush();
        }
        desks.forEach(Thread::start);
        for (Thread t : desks) {
            t.join();
        }
    }

    private static void work(Journal journal, int run, int desk, PrintStream out) {
        for (int counter = 0; ; counter++) {
            try {
                journal.append(Decisions.mixed(run, desk, counter));
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            synchronized (out) {
                out.println("A " + run + " " + desk + " " + counter);
                out.flush();
            }
        }
    }
}
