package dev.lawang.kiosk;

import dev.lawang.LawangException;
import java.io.Serial;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A journal file is damaged before its end, or is not a journal: the records before {@link #position()} were read
 * intact, the record at that position was not. A record torn at the very end of the file, as a crash leaves it, is
 * not an error: {@link Journal#open} cuts it off.
 *
 * <p>The message names the file position and what is wrong with the bytes there, never their content.
 */
public final class JournalException extends LawangException {
    @Serial
    private static final long serialVersionUID = 1L;

    /** The byte position, from the start of the file, of the first record that could not be read. */
    private final long position;
    private final transient @Nullable List<Journal.Entry> intact;

    JournalException(long position, String problem, List<Journal.Entry> intact) {
        super("journal damaged at byte " + position + ": " + problem + " (" + intact.size()
                + " records before it are intact)");
        this.position = position;
        this.intact = List.copyOf(intact);
    }

    /**
     * Returns the byte position, from the start of the file, of the first record that could not be read.
     *
     * @return the position, at least 0
     */
    public long position() {
        return position;
    }

    /**
     * Returns the records before {@link #position()}, which were read intact, in the order they were written; a
     * host may keep them before it sets the damaged file aside.
     *
     * @return the intact records, possibly empty; empty too if this exception was deserialised
     */
    public List<Journal.Entry> intact() {
        return intact == null ? List.of() : intact;
    }
}
