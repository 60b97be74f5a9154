package dev.lawang.kiosk;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A kiosk's append-only journal of offline decisions, in one local file: {@link #append} returns only once the
 * decision's record is on disk ({@link FileChannel#force}), so a decision answered after it returns survives a
 * crash or a power cut.
 *
 * <p>Desks deciding at once share the disk's flushes: while one flush runs, the records that arrive are gathered
 * and the next flush writes them all (group commit); no {@code append} returns before its own record is on disk.
 * Each record gets the next sequence number, from 1, in the order records are written.
 *
 * <p>{@link #open} reads the file first. A record torn by a crash at the very end of the file (cut off, or its
 * checksum failing, or a tail of zero bytes) is cut off, and appending continues after the last intact record.
 * Damage before the end, or a file that is not a journal, throws {@link JournalException} with the position and
 * changes nothing; the file is then the host's to set aside. One process at a time holds a journal open: the file
 * is locked while it is.
 *
 * <p>Thread-safe. A thread interrupted while it writes closes the file (the JDK's {@code FileChannel} does so), and
 * every later {@code append} fails with the {@code IOException}; so does every {@code append} after a failed write or
 * flush, since what reached the disk is then unknown. Reopen the journal to go on.
 */
public final class Journal implements Closeable {
    private static final Logger LOG = LoggerFactory.getLogger(Journal.class);

    private final Path file;
    private final FileChannel channel;
    private final FileLock fileLock;
    private final List<Entry> recovered;
    private final long truncated;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition flushed = lock.newCondition();
    private ByteBuffer pending = ByteBuffer.allocate(1 << 16);
    private ByteBuffer spare = ByteBuffer.allocate(1 << 16);
    private long writePosition;
    private long lastSequence;
    private long durableSequence;
    private boolean flushing;
    private boolean closed;
    private @Nullable IOException failure;

    /**
     * One record of the journal.
     *
     * @param sequence the record's number in its journal, from 1, without gaps
     * @param decision the decision
     */
    public record Entry(long sequence, OfflineDecision decision) {
        /**
         * Validates the entry.
         *
         * @param sequence at least 1
         * @param decision not null
         * @throws IllegalArgumentException if {@code sequence} is less than 1
         */
        public Entry {
            Objects.requireNonNull(decision, "decision");
            if (sequence < 1) {
                throw new IllegalArgumentException("sequence must be at least 1: " + sequence);
            }
        }
    }

    private Journal(Path file, FileChannel channel, FileLock fileLock, JournalReader.Recovery recovery,
            long truncated) {
        this.file = file;
        this.channel = channel;
        this.fileLock = fileLock;
        this.recovered = List.copyOf(recovery.entries());
        this.truncated = truncated;
        this.writePosition = Math.max(recovery.intactLength(), JournalFormat.MAGIC.length);
        this.lastSequence = recovered.size();
        this.durableSequence = lastSequence;
    }

    /**
     * Opens the journal in a file, creating it if it does not exist, and reads what it holds.
     *
     * @param file the journal file; its directory must exist
     * @return the open journal, positioned after its last intact record
     * @throws JournalException if the file is damaged before its end or is not a journal; nothing is changed
     * @throws IllegalStateException if the journal is already open, in this process or another
     * @throws IOException if the file cannot be read, created or written
     */
    public static Journal open(Path file) throws IOException {
        Objects.requireNonNull(file, "file");
        boolean created = !Files.exists(file);
        FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE);
        try {
            FileLock fileLock = channel.tryLock();
            if (fileLock == null) {
                throw new IllegalStateException("journal is open in another process: " + file);
            }
            long size = channel.size();
            JournalReader.Recovery recovery = JournalReader.read(channel);
            long intact = recovery.intactLength();
            if (intact < JournalFormat.MAGIC.length) {
                channel.truncate(0);
                channel.write(ByteBuffer.wrap(JournalFormat.MAGIC), 0);
            } else if (intact < size) {
                channel.truncate(intact);
            }
            channel.force(true);
            if (created) {
                syncDirectory(file);
            }
            if (intact < size && intact >= JournalFormat.MAGIC.length) {
                LOG.warn("journal {}: cut off a torn record of {} bytes after record {}", file, size - intact,
                        recovery.entries().size());
            }
            return new Journal(file, channel, fileLock, recovery, size - Math.min(intact, size));
        } catch (java.nio.channels.OverlappingFileLockException e) {
            channel.close();
            throw new IllegalStateException("journal is already open in this process: " + file, e);
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    /** Makes the new file's directory entry durable, as a new file's data alone is not. */
    private static void syncDirectory(Path file) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        if (dir == null) {
            return;
        }
        try (FileChannel d = FileChannel.open(dir, StandardOpenOption.READ)) {
            d.force(true);
        } catch (java.nio.file.AccessDeniedException e) {
            // Windows cannot open a directory; NTFS journals its directory entries itself.
            LOG.debug("journal {}: directory not synced", file, e);
        }
    }

    /**
     * Returns the records the file held when it was opened, in order.
     *
     * @return the recovered records, possibly empty
     */
    public List<Entry> recovered() {
        return recovered;
    }

    /**
     * Returns how many bytes of a torn record at the end of the file {@link #open} cut off.
     *
     * @return the number of bytes, 0 if the file ended with an intact record
     */
    public long truncatedBytes() {
        return truncated;
    }

    /**
     * Returns the sequence number of the last record appended or recovered.
     *
     * @return the number, 0 for an empty journal
     */
    public long lastSequence() {
        lock.lock();
        try {
            return lastSequence;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Appends a decision and returns once its record is on disk.
     *
     * @param decision the decision, which must not be answered before this method returns
     * @return the record's sequence number
     * @throws IllegalStateException if the journal is closed
     * @throws IOException if writing or flushing failed, now or before; the journal takes no more records
     */
    public long append(OfflineDecision decision) throws IOException {
        Objects.requireNonNull(decision, "decision");
        lock.lock();
        try {
            checkUsable();
            long sequence = lastSequence + 1;
            byte[] frame = JournalFormat.frame(sequence, decision);
            if (pending.remaining() < frame.length) {
                ByteBuffer larger = ByteBuffer.allocate(Math.max(pending.capacity() * 2,
                        pending.position() + frame.length));
                pending.flip();
                larger.put(pending);
                pending = larger;
            }
            pending.put(frame);
            lastSequence = sequence;
            awaitDurable(sequence);
            return sequence;
        } finally {
            lock.unlock();
        }
    }

    private void checkUsable() throws IOException {
        if (closed) {
            throw new IllegalStateException("journal is closed: " + file);
        }
        IOException failed = failure;
        if (failed != null) {
            throw new IOException("journal " + file + " failed earlier and takes no more records", failed);
        }
    }

    /** Waits, holding the lock, until the record numbered {@code sequence} is on disk, flushing if no one is. */
    private void awaitDurable(long sequence) throws IOException {
        while (durableSequence < sequence) {
            IOException failed = failure;
            if (failed != null) {
                throw new IOException("journal " + file + " failed before the record was on disk", failed);
            }
            if (flushing) {
                flushed.awaitUninterruptibly();
                continue;
            }
            flushing = true;
            ByteBuffer batch = pending;
            long batchLast = lastSequence;
            pending = spare;
            batch.flip();
            long at = writePosition;
            IOException error = null;
            boolean written = false;
            lock.unlock();
            try {
                while (batch.hasRemaining()) {
                    at += channel.write(batch, at);
                }
                channel.force(true);
                written = true;
            } catch (IOException e) {
                error = e;
            } finally {
                lock.lock();
                flushing = false;
                if (written) {
                    writePosition = at;
                    durableSequence = batchLast;
                } else {
                    failure = error != null ? error : new IOException("journal " + file + " write did not finish");
                }
                spare = batch.clear();
                flushed.signalAll();
            }
        }
    }

    /**
     * Waits for every appended record to be on disk, then closes the file and releases its lock. Closing a closed
     * journal does nothing.
     *
     * @throws IOException if the last flush or closing the file failed
     */
    @Override
    public void close() throws IOException {
        lock.lock();
        try {
            if (closed) {
                return;
            }
            try {
                if (failure == null) {
                    awaitDurable(lastSequence);
                }
            } finally {
                closed = true;
                try {
                    if (fileLock.isValid()) {
                        fileLock.release();
                    }
                } finally {
                    channel.close();
                }
            }
        } finally {
            lock.unlock();
        }
    }

    @Override
    public String toString() {
        return "Journal[" + file + "]";
    }
}
