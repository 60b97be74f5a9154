package dev.lawang.visit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TicketIdTest {
    @Test
    void toString_isThirtyTwoHexDigitsOfBothHalves() {
        assertThat(TicketId.of(0x0123456789abcdefL, -1L).toString()).isEqualTo("0123456789abcdefffffffffffffffff");
        assertThat(TicketId.of(0, 1).toString()).isEqualTo("00000000000000000000000000000001");
    }

    @Test
    void parse_readsBackTheTextForm() {
        TicketId id = TicketId.parse("fedcba98765432100000000000000010");
        assertThat(id.high()).isEqualTo(0xfedcba9876543210L);
        assertThat(id.low()).isEqualTo(16L);
        assertThat(id).isEqualTo(TicketId.of(0xfedcba9876543210L, 16L));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "x", "FEDCBA98765432100000000000000010", "fedcba9876543210000000000000001",
        "fedcba9876543210-000000000000001"})
    void parse_rejectsMalformedText(String bad) {
        assertThatThrownBy(() -> TicketId.parse(bad))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("ticket id must be 32 lowercase hexadecimal digits");
    }

    @Test
    void compareTo_ordersAsUnsigned128BitNumbers() {
        assertThat(TicketId.of(0, -1L)).isLessThan(TicketId.of(1, 0));
        assertThat(TicketId.of(-1L, 0)).isGreaterThan(TicketId.of(Long.MAX_VALUE, -1L));
    }

    @Test
    void toUuid_keepsTheSameBitsBothWays() {
        java.util.UUID uuid = java.util.UUID.fromString("fedcba98-7654-3210-0000-000000000010");
        TicketId id = TicketId.of(uuid.getMostSignificantBits(), uuid.getLeastSignificantBits());
        assertThat(id.toString()).isEqualTo("fedcba98765432100000000000000010");
        assertThat(id.toUuid()).isEqualTo(uuid);
    }

    @Test
    void random_drawsDistinctIds() {
        Set<TicketId> ids = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            ids.add(TicketId.random());
        }
        assertThat(ids).hasSize(1000);
    }
}
