package dev.lawang.capacity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lawang.visit.Role;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class LimitTest {
    private static final List<Set<Role>> ROLE_SETS = List.of(Set.of(Role.STAFF), Set.of(Role.GUEST),
            EnumSet.allOf(Role.class));

    @Test
    void counts_andRoles_followTheRolesGiven() {
        Limit staff = Limit.of(5, Set.of(Role.STAFF));
        Limit everyone = Limit.of(5, Set.of(Role.GUEST, Role.STAFF));

        assertThat(staff.counts(Role.STAFF)).isTrue();
        assertThat(staff.counts(Role.GUEST)).isFalse();
        assertThat(staff.roles()).containsExactly(Role.STAFF);
        assertThat(everyone.roles()).containsExactly(Role.STAFF, Role.GUEST);
        assertThatThrownBy(() -> everyone.roles().add(Role.STAFF)).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> staff.counts(null)).isInstanceOf(NullPointerException.class).hasMessage("role");
    }

    @Test
    void equals_holdsForTheSameNominalValueAndRolesOnly() {
        Limit limit = Limit.of(20, Set.of(Role.GUEST));

        assertThat(limit).isEqualTo(Limit.of(20, EnumSet.of(Role.GUEST))).hasSameHashCodeAs(
                Limit.of(20, EnumSet.of(Role.GUEST)));
        assertThat(limit).isNotEqualTo(Limit.of(21, Set.of(Role.GUEST)));
        assertThat(limit).isNotEqualTo(Limit.of(20, Set.of(Role.STAFF)));
        assertThat(limit).isNotEqualTo(Limit.of(20, EnumSet.allOf(Role.class)));
        assertThat(limit).isNotEqualTo(null);
        assertThat(limit).isNotEqualTo("20 [GUEST]");
    }

    @Test
    void hashCode_tellsApartEveryNominalValueAndRoleSetUpToAHundred() {
        Set<Integer> hashes = new HashSet<>();
        for (int nominal = 0; nominal <= 100; nominal++) {
            for (Set<Role> roles : ROLE_SETS) {
                hashes.add(Limit.of(nominal, roles).hashCode());
            }
        }

        assertThat(hashes).hasSize(101 * ROLE_SETS.size());
    }

    @Test
    void toString_givesTheNominalValueAndTheRoles() {
        assertThat(Limit.of(150, Set.of(Role.GUEST))).hasToString("150 [GUEST]");
        assertThat(Limit.of(0, EnumSet.allOf(Role.class))).hasToString("0 [STAFF, GUEST]");
    }
}
