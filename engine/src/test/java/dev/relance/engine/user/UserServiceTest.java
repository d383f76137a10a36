package dev.relance.engine.user;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.relance.engine.EngineTest;
import dev.relance.engine.support.ConflictException;
import dev.relance.engine.testing.MutableClock;

@EngineTest
class UserServiceTest {

    @Autowired
    UserService users;
    @Autowired
    MutableClock clock;
    @Autowired
    JdbcClient jdbc;

    @Test
    void the_last_enabled_admin_cannot_be_deleted_demoted_or_disabled() {
        User first = users.create(admin("first-admin"));
        assertThatThrownBy(() -> users.delete(first.id()))
                .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.code()).isEqualTo("last-admin"));

        User second = users.create(admin("second-admin"));
        users.replace(first.id(), new UserDraft("first-admin", "first-admin@relance.test", "F", Role.SDR, null, true));
        assertThatThrownBy(() -> users.replace(second.id(),
                new UserDraft("second-admin", "second-admin@relance.test", "S", Role.ADMIN, null, false)))
                .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.code()).isEqualTo("last-admin"));
        assertThat(users.get(second.id()).enabled()).isTrue();
    }

    @Test
    void tokens_are_stored_hashed_expire_and_can_be_revoked() {
        User user = users.create(new UserDraft("tokens", "tokens@relance.test", "T", Role.MANAGER, "a-long-password", true));
        IssuedToken lasting = users.issueToken(user.id(), "ci", null);
        IssuedToken shortLived = users.issueToken(user.id(), "demo", clock.instant().plus(Duration.ofHours(1)));

        assertThat(jdbc.sql("SELECT count(*) FROM api_token WHERE encode(token_hash, 'escape') LIKE '%rl_%'")
                .query(Long.class).single()).isZero();
        assertThat(users.authenticateToken(lasting.secret())).map(Credentials::userId).contains(user.id());
        assertThat(users.authenticateToken(shortLived.secret())).isPresent();

        clock.advance(Duration.ofHours(2));
        assertThat(users.authenticateToken(shortLived.secret())).as("expired").isEmpty();
        users.revokeToken(user.id(), lasting.token().id());
        assertThat(users.authenticateToken(lasting.secret())).as("revoked").isEmpty();
        assertThat(users.tokens(user.id())).extracting(ApiToken::lastUsedAt).doesNotContainNull();
    }

    private static UserDraft admin(String name) {
        return new UserDraft(name, name + "@relance.test", name, Role.ADMIN, "a-long-password", true);
    }
}
