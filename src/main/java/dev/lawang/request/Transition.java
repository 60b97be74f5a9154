package dev.lawang.request;

import java.time.Instant;
import java.util.Objects;

/**
 * One step in a request's history: the state it entered, when, and who made the step.
 *
 * <p>Immutable and thread-safe.
 *
 * @param state the state the request entered
 * @param at when
 * @param actor who: the host's name for the person or system, 1 to {@value #MAX_ACTOR_LENGTH} characters without
 *        control characters
 */
public record Transition(RequestState state, Instant at, String actor) {
    /** The longest actor name accepted, in characters. */
    public static final int MAX_ACTOR_LENGTH = 100;

    /**
     * Validates the components.
     *
     * @param state the state entered
     * @param at when
     * @param actor who
     * @throws IllegalArgumentException if the actor is blank, too long or contains control characters
     */
    public Transition {
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(at, "at");
        checkActor(actor);
    }

    static String checkActor(String actor) {
        Objects.requireNonNull(actor, "actor");
        if (actor.isBlank() || actor.length() > MAX_ACTOR_LENGTH || actor.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException("actor must be 1 to " + MAX_ACTOR_LENGTH
                    + " characters, not blank, without control characters (length " + actor.length() + ")");
        }
        return actor;
    }
}
