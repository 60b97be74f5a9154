package dev.lawang.kiosk;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ReadableByteChannel;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reads a journal from its first byte, once, and tells where its intact records end. Not thread-safe; one instance
 * reads one journal.
 *
 * <p>What counts as torn, and so is cut off rather than reported: a file that ends inside the file header (when
 * what is there is the start of the header), inside a frame header, or inside a frame whose header checksum holds;
 * a last frame, ending exactly at the end of the file, whose checksum fails; and a tail of zero bytes, which some
 * file systems leave after a crash when the file's length reached the disk before its data. Anything else that
 * does not read is damage, reported with its position.
 */
final class JournalReader {
    private static final int WINDOW = 1 << 20;

    private final ReadableByteChannel in;
    private final ByteBuffer window = ByteBuffer.allocate(WINDOW);
    private final JournalFormat.Decoder decoder = new JournalFormat.Decoder();
    private long windowStart;
    private boolean atEnd;

    /** What a read found: the intact records and the length of the file they fill. */
    record Recovery(List<Journal.Entry> entries, long intactLength, boolean torn) {
    }

    private JournalReader(ReadableByteChannel in) {
        this.in = in;
        window.flip();
    }

    /**
     * Reads the whole channel.
     *
     * @throws JournalException if the bytes are damaged before their end or are not a journal
     * @throws IOException if the channel fails
     */
    static Recovery read(ReadableByteChannel in) throws IOException {
        return new JournalReader(in).readAll();
    }

    private Recovery readAll() throws IOException {
        List<Journal.Entry> entries = new ArrayList<>();
        int magic = JournalFormat.MAGIC.length;
        if (!available(magic)) {
            int have = window.remaining();
            byte[] start = new byte[have];
            window.get(window.position(), start);
            if (!Arrays.equals(start, Arrays.copyOf(JournalFormat.MAGIC, have))) {
                throw new JournalException(0, "not a Lawang journal", entries);
            }
            return new Recovery(entries, 0, have > 0);
        }
        for (int i = 0; i < magic; i++) {
            if (window.get(window.position() + i) != JournalFormat.MAGIC[i]) {
                throw new JournalException(0, "not a Lawang journal", entries);
            }
        }
        window.position(window.position() + magic);
        long expected = 1;
        while (true) {
            long position = windowStart + window.position();
            if (!available(1)) {
                return new Recovery(entries, position, false);
            }
            if (!available(JournalFormat.HEADER)) {
                return new Recovery(entries, position, true);
            }
            int at = window.position();
            int length = window.getInt(at);
            int type = window.get(at + 4) & 0xff;
            int version = window.get(at + 5) & 0xff;
            if (window.getInt(at + 6) != JournalFormat.crc(window, at, 6)) {
                if (zerosToTheEnd()) {
                    return new Recovery(entries, position, true);
                }
                throw new JournalException(position, "record header checksum mismatch", entries);
            }
            if (length < 0 || length > JournalFormat.MAX_PAYLOAD) {
                throw new JournalException(position, "record length " + Integer.toUnsignedString(length)
                        + " is over the limit of " + JournalFormat.MAX_PAYLOAD, entries);
            }
            int frame = JournalFormat.HEADER + length + JournalFormat.TRAILER;
            if (!available(frame)) {
                return new Recovery(entries, position, true);
            }
            at = window.position();
            if (window.getInt(at + frame - JournalFormat.TRAILER)
                    != JournalFormat.crc(window, at, frame - JournalFormat.TRAILER)) {
                window.position(at + frame);
                if (!available(1)) {
                    return new Recovery(entries, position, true);
                }
                throw new JournalException(position, "record checksum mismatch", entries);
            }
            if (type != JournalFormat.TYPE_DECISION || version != JournalFormat.VERSION_DECISION) {
                throw new JournalException(position, "record type " + type + " version " + version
                        + " is not known to this version of Lawang", entries);
            }
            OfflineDecision decision = decoder.decode(window.slice(at + JournalFormat.HEADER, length));
            if (decision == null) {
                throw new JournalException(position, "malformed decision record: " + decoder.problem(), entries);
            }
            if (decoder.sequence() != expected) {
                throw new JournalException(position, "sequence number " + decoder.sequence() + " where "
                        + expected + " was due", entries);
            }
            entries.add(new Journal.Entry(expected, decision));
            expected++;
            window.position(at + frame);
        }
    }

    /** Whether the rest of the input, from the current position, is zero bytes only. Consumes it. */
    private boolean zerosToTheEnd() throws IOException {
        while (available(1)) {
            while (window.hasRemaining()) {
                if (window.get() != 0) {
                    return false;
                }
            }
        }
        return true;
    }

    /** Makes at least {@code n} bytes readable in the window, unless the input ends first. */
    private boolean available(int n) throws IOException {
        if (window.remaining() >= n) {
            return true;
        }
        if (atEnd) {
            return false;
        }
        windowStart += window.position();
        window.compact();
        while (window.hasRemaining()) {
            if (in.read(window) < 0) {
                atEnd = true;
                break;
            }
        }
        window.flip();
        return window.remaining() >= n;
    }
}
