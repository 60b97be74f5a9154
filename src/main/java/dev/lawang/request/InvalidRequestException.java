package dev.lawang.request;

import dev.lawang.LawangException;
import dev.lawang.request.CodeRequest.Problem;
import java.io.Serial;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Thrown when a {@link RequestBook} refuses a request that has problems; {@link #problems()} lists them all.
 *
 * <p>The message names the problem keys only, never the contact address.
 */
public final class InvalidRequestException extends LawangException {
    @Serial
    private static final long serialVersionUID = 1L;

    /** Everything wrong with the request; an immutable list of records. */
    @SuppressWarnings("serial")
    private final List<Problem> problems;

    InvalidRequestException(List<Problem> problems) {
        super("the request has " + problems.size() + (problems.size() == 1 ? " problem: " : " problems: ")
                + problems.stream().map(Problem::key).collect(Collectors.joining(", ")));
        this.problems = List.copyOf(problems);
    }

    /**
     * Returns everything that is wrong with the request.
     *
     * @return the problems, never empty
     */
    public List<Problem> problems() {
        return problems;
    }
}
