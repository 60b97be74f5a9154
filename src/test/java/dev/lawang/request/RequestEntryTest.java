package dev.lawang.request;

import static dev.lawang.request.SmallRegency.completeRequest;
import static dev.lawang.testing.Sragen.DUKCAPIL_OFFICE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lawang.code.SharedCode;
import dev.lawang.request.RequestEntry.State;
import dev.lawang.request.RequestEntry.Step;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** {@link RequestEntry#of}: a store reads entries back through it, so it takes only histories the book writes. */
class RequestEntryTest {
    private static final Instant T = Instant.parse("2021-11-01T01:00:00Z");
    private static final RequestId ID = RequestId.of(3);
    private static final CodeRequest REQUEST = completeRequest().build();
    private static final SharedCode CODE = SharedCode.builder(REQUEST.site()).covering(REQUEST.covered())
            .issuedAt(T.plusSeconds(20)).validFrom(T).validUntil(T.plusSeconds(86_400)).build();

    private static Step step(State state, int second) {
        return new Step(state, T.plusSeconds(second), "actor");
    }

    @Test
    void of_acceptsEveryHistoryTheLifecycleAllows() {
        assertThat(RequestEntry.of(ID, REQUEST, List.of(step(State.SUBMITTED, 0)), null, null, null).state())
                .isEqualTo(State.SUBMITTED);
        assertThat(RequestEntry.of(ID, REQUEST, List.of(step(State.SUBMITTED, 0), step(State.APPROVED, 0),
                step(State.ISSUED, 20)), null, CODE, "LW1:TEXT").code()).contains(CODE);
        assertThat(RequestEntry.of(ID, REQUEST, List.of(step(State.SUBMITTED, 0), step(State.APPROVED, 5),
                step(State.REJECTED, 9)), "No.", null, null).rejectionReason()).contains("No.");
        assertThat(RequestEntry.of(ID, REQUEST, List.of(step(State.SUBMITTED, 0), step(State.REJECTED, 9)), "No.",
                null, null).history()).hasSize(2);
    }

    static Stream<Arguments> impossibleHistories() {
        SharedCode otherSite = SharedCode.builder(DUKCAPIL_OFFICE).covering(REQUEST.covered())
                .validFrom(T).validUntil(T.plusSeconds(60)).build();
        List<Step> issued = List.of(step(State.SUBMITTED, 0), step(State.APPROVED, 1), step(State.ISSUED, 2));
        return Stream.of(
                Arguments.of("no step", List.of(), null, null, null),
                Arguments.of("not submitted first", List.of(step(State.APPROVED, 0)), null, null, null),
                Arguments.of("submitted twice", List.of(step(State.SUBMITTED, 0), step(State.SUBMITTED, 1)), null,
                        null, null),
                Arguments.of("issued before approved", List.of(step(State.SUBMITTED, 0), step(State.ISSUED, 1)),
                        null, CODE, "t"),
                Arguments.of("approved twice", List.of(step(State.SUBMITTED, 0), step(State.APPROVED, 1),
                        step(State.APPROVED, 2)), null, null, null),
                Arguments.of("a step after a final one", List.of(step(State.SUBMITTED, 0), step(State.REJECTED, 1),
                        step(State.APPROVED, 2)), "No.", null, null),
                Arguments.of("steps out of time order", List.of(step(State.SUBMITTED, 5), step(State.APPROVED, 4)),
                        null, null, null),
                Arguments.of("a reason without a rejection", List.of(step(State.SUBMITTED, 0)), "No.", null, null),
                Arguments.of("a rejection without a reason", List.of(step(State.SUBMITTED, 0),
                        step(State.REJECTED, 1)), null, null, null),
                Arguments.of("a blank reason", List.of(step(State.SUBMITTED, 0), step(State.REJECTED, 1)), " ", null,
                        null),
                Arguments.of("issued without a code", issued, null, null, null),
                Arguments.of("a code without its text", issued, null, CODE, null),
                Arguments.of("a text without a code", issued, null, null, "t"),
                Arguments.of("a code before issue", List.of(step(State.SUBMITTED, 0)), null, CODE, "t"),
                Arguments.of("a code for another site", issued, null, otherSite, "t"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("impossibleHistories")
    void of_refusesAHistoryTheBookCouldNotHaveWritten(String name, List<Step> history, String reason,
            SharedCode code, String text) {
        assertThatThrownBy(() -> RequestEntry.of(ID, REQUEST, history, reason, code, text))
                .isInstanceOf(IllegalArgumentException.class).hasMessageNotContaining("@");
    }

    @Test
    void of_copiesTheHistoryAndRefusesNulls() {
        List<Step> history = new ArrayList<>(List.of(step(State.SUBMITTED, 0)));
        RequestEntry e = RequestEntry.of(ID, REQUEST, history, null, null, null);
        history.add(step(State.APPROVED, 1));

        assertThat(e.history()).hasSize(1);
        assertThatThrownBy(() -> RequestEntry.of(null, REQUEST, history, null, null, null)).hasMessage("id");
        assertThatThrownBy(() -> RequestEntry.of(ID, null, history, null, null, null)).hasMessage("request");
        assertThatThrownBy(() -> RequestEntry.of(ID, REQUEST, null, null, null, null)).hasMessage("history");
    }

    @Test
    void follows_holdsOnlyForTheSameRequestWithExactlyOneMoreStep() {
        RequestEntry submitted = RequestEntry.of(ID, REQUEST, List.of(step(State.SUBMITTED, 0)), null, null, null);
        RequestEntry approved = RequestEntry.of(ID, REQUEST, List.of(step(State.SUBMITTED, 0),
                step(State.APPROVED, 1)), null, null, null);
        RequestEntry approvedLater = RequestEntry.of(ID, REQUEST, List.of(step(State.SUBMITTED, 5),
                step(State.APPROVED, 6)), null, null, null);
        RequestEntry rejected = RequestEntry.of(ID, REQUEST, List.of(step(State.SUBMITTED, 0),
                step(State.APPROVED, 1), step(State.REJECTED, 2)), "No.", null, null);
        RequestEntry otherId = RequestEntry.of(RequestId.of(4), REQUEST, List.of(step(State.SUBMITTED, 0),
                step(State.APPROVED, 1)), null, null, null);

        assertThat(approved.follows(submitted)).isTrue();
        assertThat(rejected.follows(approved)).isTrue();
        assertThat(rejected.follows(submitted)).isFalse();
        assertThat(submitted.follows(submitted)).isFalse();
        assertThat(submitted.follows(approved)).isFalse();
        assertThat(approvedLater.follows(submitted)).isFalse();
        assertThat(otherId.follows(submitted)).isFalse();
        assertThatThrownBy(() -> approved.follows(null)).hasMessage("earlier");
    }
}
