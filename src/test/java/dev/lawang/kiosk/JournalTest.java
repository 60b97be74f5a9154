package dev.lawang.kiosk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lawang.RefusalReason;
import dev.lawang.code.CodeId;
import dev.lawang.visit.EntryChannel;
import dev.lawang.visit.Role;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.zip.CRC32C;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JournalTest {
    /** The file header of docs/offline.md. */
    private static final byte[] MAGIC = "LAWANGJ\u0001".getBytes(StandardCharsets.US_ASCII);
    /** One {@link Decisions#admitted} record on disk, as docs/offline.md counts it. */
    private static final int RECORD = 109;

    @TempDir
    Path dir;

    private Path file() {
        return dir.resolve("kiosk.journal");
    }

    private void write(int count) throws IOException {
        try (Journal journal = Journal.open(file())) {
            for (int i = 1; i <= count; i++) {
                assertThat(journal.append(Decisions.admitted(i))).isEqualTo(i);
            }
        }
    }

    private static List<OfflineDecision> decisions(List<Journal.Entry> entries) {
        return entries.stream().map(Journal.Entry::decision).toList();
    }

    private static List<OfflineDecision> admitted(int from, int to) {
        List<OfflineDecision> out = new ArrayList<>();
        for (int i = from; i <= to; i++) {
            out.add(Decisions.admitted(i));
        }
        return out;
    }

    @Test
    void open_recoversEveryDecisionAppended_withSequenceNumbersFromOne() throws IOException {
        List<OfflineDecision> made = new ArrayList<>();
        try (Journal journal = Journal.open(file())) {
            assertThat(journal.recovered()).isEmpty();
            for (int i = 0; i < 40; i++) {
                made.add(Decisions.mixed(0, i % 3, i));
                journal.append(made.get(i));
            }
            assertThat(journal.lastSequence()).isEqualTo(40);
        }
        try (Journal journal = Journal.open(file())) {
            assertThat(decisions(journal.recovered())).isEqualTo(made);
            assertThat(journal.recovered().get(39).sequence()).isEqualTo(40);
            assertThat(journal.truncatedBytes()).isZero();
            assertThat(journal.append(Decisions.admitted(1))).isEqualTo(41);
        }
    }

    @Test
    void file_isTheHeaderThenOneFramePerRecord_asDocumented() throws IOException {
        write(3);
        byte[] bytes = Files.readAllBytes(file());
        assertThat(bytes).hasSize(MAGIC.length + 3 * RECORD);
        assertThat(Arrays.copyOf(bytes, MAGIC.length)).isEqualTo(MAGIC);
        ByteBuffer b = ByteBuffer.wrap(bytes);
        int at = MAGIC.length + RECORD;
        assertThat(b.getInt(at)).as("payload length").isEqualTo(RECORD - 14);
        assertThat(b.get(at + 4)).as("record type").isEqualTo((byte) 1);
        assertThat(b.get(at + 5)).as("record version").isEqualTo((byte) 2);
        assertThat(b.getInt(at + 6)).as("header checksum").isEqualTo(crc(bytes, at, 6));
        assertThat(b.getLong(at + 10)).as("sequence number").isEqualTo(2);
        assertThat(b.getInt(at + RECORD - 4)).as("record checksum").isEqualTo(crc(bytes, at, RECORD - 4));
    }

    /** A check-in under a code at puskesmas-sragen for dinkes: 95 bytes of payload as a walk-in's, and 41 more. */
    private static final int CHECK_IN_RECORD = RECORD + 41;
    private static final String CODE_ID = "0123456789abcdef0123456789abcdef";
    private static final Instant ISSUED = Instant.parse("2026-11-30T23:00:00Z");

    private static OfflineDecision checkIn(int n, EntryChannel channel) {
        OfflineDecision walkIn = Decisions.admitted(n);
        return OfflineDecision.checkIn(walkIn.at(), walkIn.site(), walkIn.agency(), walkIn.visitor(), walkIn.role(),
                walkIn.ticket(), new OfflineDecision.Code(CodeId.parse(CODE_ID), ISSUED, channel),
                false);
    }

    @Test
    void aCheckInUnderACode_keepsTheCodesIdIssueTimeAndWayIn_inTheDocumentedBytes() throws IOException {
        List<OfflineDecision> made = List.of(checkIn(1, EntryChannel.PRINTED_CODE),
                checkIn(2, EntryChannel.ROTATING_CODE),
                checkIn(3, EntryChannel.REGISTERED_FOREIGN_CODE),
                new OfflineDecision(OfflineDecision.Kind.CHECK_IN, Decisions.admitted(4).at(), Decisions.SITE,
                        Decisions.AGENCY, Decisions.visitor(4), Role.STAFF, null,
                        RefusalReason.AGENCY_FULL, true,
                        new OfflineDecision.Code(CodeId.parse(CODE_ID), ISSUED,
                                EntryChannel.ROTATING_CODE)));
        try (Journal journal = Journal.open(file())) {
            for (OfflineDecision d : made) {
                journal.append(d);
            }
        }
        try (Journal journal = Journal.open(file())) {
            assertThat(decisions(journal.recovered())).isEqualTo(made);
            assertThat(journal.recovered().get(1).decision().code().channel())
                    .isEqualTo(EntryChannel.ROTATING_CODE);
        }
        byte[] bytes = Files.readAllBytes(file());
        ByteBuffer b = ByteBuffer.wrap(bytes);
        for (int i = 0; i < 3; i++) {
            int at = MAGIC.length + i * CHECK_IN_RECORD;
            assertThat(b.getInt(at)).as("payload length").isEqualTo(CHECK_IN_RECORD - 14);
            assertThat(b.get(at + 10 + 10)).as("flags: a ticket and a code").isEqualTo((byte) (2 | 8));
            int code = at + CHECK_IN_RECORD - 4 - 41;
            assertThat(new String(bytes, code, 32, StandardCharsets.US_ASCII)).isEqualTo(CODE_ID);
            assertThat(b.getLong(code + 32)).as("issued, seconds").isEqualTo(1_796_079_600L);
            assertThat(b.get(code + 40)).as("the way in").isEqualTo((byte) (i + 1));
        }
    }

    @Test
    void open_onAnUnknownEntryChannel_namesThePositionAndKeepsWhatIsBefore() throws IOException {
        try (Journal journal = Journal.open(file())) {
            journal.append(Decisions.admitted(1));
            journal.append(checkIn(2, EntryChannel.ROTATING_CODE));
            journal.append(Decisions.admitted(3));
        }
        byte[] bytes = Files.readAllBytes(file());
        int second = MAGIC.length + RECORD;
        for (byte channel : new byte[] {0, 4, (byte) 0xff}) {
            bytes[second + CHECK_IN_RECORD - 5] = channel;
            ByteBuffer.wrap(bytes).putInt(second + CHECK_IN_RECORD - 4, crc(bytes, second, CHECK_IN_RECORD - 4));
            Files.write(file(), bytes);

            assertThatThrownBy(() -> Journal.open(file())).isInstanceOfSatisfying(JournalException.class, e -> {
                assertThat(e.position()).isEqualTo(second);
                assertThat(decisions(e.intact())).isEqualTo(admitted(1, 1));
                assertThat(e).hasMessageContaining("byte " + second).hasMessageContaining("entry channel");
            });
            assertThat(Files.readAllBytes(file())).as("left as it was").isEqualTo(bytes);
        }
    }

    @Test
    void open_onAJournalDamagedInTheMiddle_namesThePositionAndKeepsWhatIsBefore() throws IOException {
        write(10);
        byte[] bytes = Files.readAllBytes(file());
        long fifth = MAGIC.length + 4L * RECORD;
        bytes[(int) fifth + 40] ^= 0x10;
        Files.write(file(), bytes);
        assertThatThrownBy(() -> Journal.open(file()))
                .isInstanceOfSatisfying(JournalException.class, e -> {
                    assertThat(e.position()).isEqualTo(fifth);
                    assertThat(decisions(e.intact())).isEqualTo(admitted(1, 4));
                    assertThat(e).hasMessageContaining("byte " + fifth).hasMessageContaining("checksum");
                });
        assertThat(Files.readAllBytes(file())).as("the damaged file is left as it was").isEqualTo(bytes);
    }

    @Test
    void open_onADamagedLengthInTheMiddle_reportsItRatherThanTakingTheRestForATornRecord() throws IOException {
        write(10);
        byte[] bytes = Files.readAllBytes(file());
        int seventh = MAGIC.length + 6 * RECORD;
        bytes[seventh + 1] = 0x7f;
        Files.write(file(), bytes);
        assertThatThrownBy(() -> Journal.open(file()))
                .isInstanceOfSatisfying(JournalException.class, e -> {
                    assertThat(e.position()).isEqualTo(seventh);
                    assertThat(e.intact()).hasSize(6);
                    assertThat(e).hasMessageContaining("header checksum");
                });
        assertThat(Files.readAllBytes(file())).isEqualTo(bytes);
    }

    @Test
    void open_cutsOffARecordTornAtTheEnd_andAppendingContinuesAfterTheLastIntactOne() throws IOException {
        write(10);
        long length = Files.size(file());
        try (var channel = java.nio.channels.FileChannel.open(file(), java.nio.file.StandardOpenOption.WRITE)) {
            channel.truncate(length - 30);
        }
        try (Journal journal = Journal.open(file())) {
            assertThat(decisions(journal.recovered())).isEqualTo(admitted(1, 9));
            assertThat(journal.truncatedBytes()).isEqualTo(RECORD - 30);
            assertThat(Files.size(file())).isEqualTo(MAGIC.length + 9L * RECORD);
            assertThat(journal.append(Decisions.admitted(77))).isEqualTo(10);
        }
        try (Journal journal = Journal.open(file())) {
            List<OfflineDecision> expected = admitted(1, 9);
            expected.add(Decisions.admitted(77));
            assertThat(decisions(journal.recovered())).isEqualTo(expected);
        }
    }

    @Test
    void open_cutsOffALastRecordWhoseChecksumFails() throws IOException {
        write(5);
        byte[] bytes = Files.readAllBytes(file());
        bytes[bytes.length - 20] ^= 1;
        Files.write(file(), bytes);
        try (Journal journal = Journal.open(file())) {
            assertThat(decisions(journal.recovered())).isEqualTo(admitted(1, 4));
            assertThat(journal.truncatedBytes()).isEqualTo(RECORD);
        }
    }

    @Test
    void open_cutsOffATailOfZeroBytesAndAHeaderCutShort() throws IOException {
        write(3);
        Files.write(file(), new byte[5000], java.nio.file.StandardOpenOption.APPEND);
        try (Journal journal = Journal.open(file())) {
            assertThat(journal.recovered()).hasSize(3);
            assertThat(journal.truncatedBytes()).isEqualTo(5000);
        }
        Files.write(file(), new byte[] {0, 0, 0, 95, 1}, java.nio.file.StandardOpenOption.APPEND);
        try (Journal journal = Journal.open(file())) {
            assertThat(journal.recovered()).hasSize(3);
            assertThat(journal.truncatedBytes()).isEqualTo(5);
        }
        assertThat(Files.size(file())).isEqualTo(MAGIC.length + 3L * RECORD);
    }

    @Test
    void open_onAnEmptyOrMissingFileOrAHeaderCutShort_startsAnEmptyJournal() throws IOException {
        Files.write(file(), new byte[0]);
        try (Journal journal = Journal.open(file())) {
            assertThat(journal.recovered()).isEmpty();
        }
        assertThat(Files.readAllBytes(file())).isEqualTo(MAGIC);
        Files.write(file(), Arrays.copyOf(MAGIC, 3));
        try (Journal journal = Journal.open(file())) {
            assertThat(journal.recovered()).isEmpty();
            assertThat(journal.append(Decisions.admitted(1))).isEqualTo(1);
        }
        Path missing = dir.resolve("new.journal");
        try (Journal journal = Journal.open(missing)) {
            assertThat(journal.recovered()).isEmpty();
        }
        assertThat(Files.readAllBytes(missing)).isEqualTo(MAGIC);
    }

    @Test
    void open_onAFileThatIsNotAJournal_throwsAtPositionZeroAndChangesNothing() throws IOException {
        byte[] random = new byte[4000];
        new Random(14).nextBytes(random);
        Files.write(file(), random);
        assertThatThrownBy(() -> Journal.open(file())).isInstanceOfSatisfying(JournalException.class,
                e -> assertThat(e.position()).isZero());
        assertThat(Files.readAllBytes(file())).isEqualTo(random);
        Files.write(file(), "{\"json\": true}".getBytes(StandardCharsets.US_ASCII));
        assertThatThrownBy(() -> Journal.open(file())).isInstanceOf(JournalException.class)
                .hasMessageContaining("not a Lawang journal");
    }

    @Test
    void open_onRandomBytesAfterTheHeader_throwsAtTheFirstRecord() throws IOException {
        byte[] random = new byte[4000];
        new Random(15).nextBytes(random);
        byte[] bytes = concat(MAGIC, random);
        Files.write(file(), bytes);
        assertThatThrownBy(() -> Journal.open(file())).isInstanceOfSatisfying(JournalException.class,
                e -> assertThat(e.position()).isEqualTo(MAGIC.length));
        assertThat(Files.readAllBytes(file())).isEqualTo(bytes);
    }

    @Test
    void open_onAHugeLengthWithAValidHeaderChecksum_throwsRatherThanReadingIt() throws IOException {
        for (int length : new int[] {0x7fffffff, -1, 4097}) {
            byte[] header = ByteBuffer.allocate(10).putInt(length).put((byte) 1).put((byte) 1).array();
            ByteBuffer.wrap(header).putInt(6, crc(header, 0, 6));
            Files.write(file(), concat(MAGIC, header));
            assertThatThrownBy(() -> Journal.open(file())).isInstanceOfSatisfying(JournalException.class, e -> {
                assertThat(e.position()).isEqualTo(MAGIC.length);
                assertThat(e).hasMessageContaining("over the limit of 4096");
            });
        }
    }

    /** Writes two records and sets one byte of the second's header, its checksums made right again. */
    private int twoRecordsWithTheSecondsHeaderByte(int offset, byte value) throws IOException {
        write(2);
        byte[] bytes = Files.readAllBytes(file());
        int second = MAGIC.length + RECORD;
        bytes[second + offset] = value;
        ByteBuffer b = ByteBuffer.wrap(bytes);
        b.putInt(second + 6, crc(bytes, second, 6));
        b.putInt(second + RECORD - 4, crc(bytes, second, RECORD - 4));
        Files.write(file(), bytes);
        return second;
    }

    @Test
    void open_onAnUnknownRecordType_throwsRatherThanSkippingIt() throws IOException {
        int second = twoRecordsWithTheSecondsHeaderByte(4, (byte) 9);
        assertThatThrownBy(() -> Journal.open(file())).isInstanceOfSatisfying(JournalException.class, e -> {
            assertThat(e.position()).isEqualTo(second);
            assertThat(e).hasMessageContaining("record type 9");
        });
    }

    @Test
    void open_onAVersionOneRecord_throwsAnUnknownRecordVersion() throws IOException {
        int second = twoRecordsWithTheSecondsHeaderByte(5, (byte) 1);
        assertThatThrownBy(() -> Journal.open(file())).isInstanceOfSatisfying(JournalException.class, e -> {
            assertThat(e.position()).isEqualTo(second);
            assertThat(decisions(e.intact())).isEqualTo(admitted(1, 1));
            assertThat(e).hasMessageContaining("version 1");
        });
    }

    @Test
    void open_whileOpen_isRefused() throws IOException {
        try (Journal journal = Journal.open(file())) {
            assertThatThrownBy(() -> Journal.open(file())).isInstanceOf(IllegalStateException.class);
            journal.append(Decisions.admitted(1));
        }
        try (Journal journal = Journal.open(file())) {
            assertThat(journal.recovered()).hasSize(1);
        }
    }

    @Test
    void append_afterClose_isMisuse_andNullIsRefused() throws IOException {
        Journal journal = Journal.open(file());
        assertThatThrownBy(() -> journal.append(null)).isInstanceOf(NullPointerException.class)
                .hasMessage("decision");
        journal.close();
        journal.close();
        assertThatThrownBy(() -> journal.append(Decisions.admitted(1))).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> Journal.open(null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void append_fromManyDesksAtOnce_numbersEveryRecordOnceAndKeepsEachDesksOrder() throws Exception {
        int desks = 8;
        int each = 150;
        ConcurrentLinkedQueue<Long> sequences = new ConcurrentLinkedQueue<>();
        try (Journal journal = Journal.open(file())) {
            List<Thread> threads = new ArrayList<>();
            ConcurrentLinkedQueue<Throwable> failures = new ConcurrentLinkedQueue<>();
            for (int t = 0; t < desks; t++) {
                int desk = t;
                threads.add(new Thread(() -> {
                    try {
                        for (int c = 0; c < each; c++) {
                            sequences.add(journal.append(Decisions.mixed(1, desk, c)));
                        }
                    } catch (Throwable e) {
                        failures.add(e);
                    }
                }));
            }
            threads.forEach(Thread::start);
            for (Thread t : threads) {
                t.join();
            }
            assertThat(failures).isEmpty();
        }
        assertThat(sequences).hasSize(desks * each).doesNotHaveDuplicates()
                .allMatch(s -> s >= 1 && s <= desks * each);
        try (Journal journal = Journal.open(file())) {
            int[] next = new int[desks];
            for (Journal.Entry e : journal.recovered()) {
                int[] key = Decisions.key(e.decision());
                assertThat(key[2]).isEqualTo(next[key[1]]);
                assertThat(e.decision()).isEqualTo(Decisions.mixed(1, key[1], key[2]));
                next[key[1]]++;
            }
            assertThat(next).containsOnly(each);
        }
    }

    @Test
    void entry_refusesASequenceBelowOne() {
        assertThatThrownBy(() -> new Journal.Entry(0, Decisions.admitted(1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("0");
    }

    static int crc(byte[] bytes, int offset, int length) {
        CRC32C crc = new CRC32C();
        crc.update(bytes, offset, length);
        return (int) crc.getValue();
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
