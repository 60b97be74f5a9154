package dev.lawang.kiosk;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.channels.Channels;
import java.util.Arrays;
import java.util.List;

class JournalFuzzTest {
    /**
     * Any bytes either read as intact records followed by at most a torn tail, or fail with JournalException at a
     * position inside the input; either way the records read are exactly the bytes before that point, written again.
     */
    @FuzzTest(maxDuration = "30s")
    void read_returnsRecordsThatWriteBackToTheBytesReadOrThrowsOnlyTheJournalException(byte[] input)
            throws IOException {
        List<Journal.Entry> entries;
        long end;
        try {
            JournalReader.Recovery r = JournalReader.read(Channels.newChannel(new ByteArrayInputStream(input)));
            entries = r.entries();
            end = r.intactLength();
            assertThat(r.torn()).isEqualTo(end < input.length);
        } catch (JournalException e) {
            entries = e.intact();
            end = e.position();
            assertThat(end).isLessThan(input.length);
        }
        assertThat(end).isBetween(0L, (long) input.length);
        ByteArrayOutputStream again = new ByteArrayOutputStream();
        if (end > 0) {
            again.writeBytes(JournalFormat.MAGIC);
        }
        for (Journal.Entry e : entries) {
            again.writeBytes(JournalFormat.frame(e.sequence(), e.decision()));
        }
        assertThat(again.toByteArray()).isEqualTo(Arrays.copyOf(input, (int) end));
    }
}
