package dev.relance.api.support;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.boot.test.context.TestComponent;
import org.springframework.core.env.Environment;

import dev.relance.engine.user.Role;
import dev.relance.engine.user.User;
import dev.relance.engine.user.UserDraft;
import dev.relance.engine.user.UserService;

/**
 * Users of each role with their API tokens, made through the engine (not the API under test).
 * Tokens keep tests fast: Basic auth costs a bcrypt check per request.
 */
@TestComponent
public class ApiFixtures {

    public static final String PASSWORD = "correct-horse-battery";
    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    private final UserService users;
    private final Environment environment;

    ApiFixtures(UserService users, Environment environment) {
        this.users = users;
        this.environment = environment;
    }

    /** A client signed in as a new user of this role (with an API token). */
    public Api as(Role role) {
        return anonymous().withToken(signIn(role).token());
    }

    /** A client signed in as this user. */
    public Api as(SignedIn user) {
        return anonymous().withToken(user.token());
    }

    /** A client with no credentials, on the port the test server listens on. */
    public Api anonymous() {
        return Api.anonymous(environment.getRequiredProperty("local.server.port", Integer.class));
    }

    /** A new user of this role and a token for it. */
    public SignedIn signIn(Role role) {
        int n = SEQUENCE.incrementAndGet();
        String username = role.name().toLowerCase() + n;
        User user = users.create(new UserDraft(username, username + "@relance.test", role + " " + n, role, PASSWORD, true));
        return new SignedIn(user, users.issueToken(user.id(), "tests", null).secret());
    }

    /** One signed-in user per role. */
    public Map<Role, SignedIn> everyRole() {
        Map<Role, SignedIn> all = new EnumMap<>(Role.class);
        for (Role role : Role.values()) {
            all.put(role, signIn(role));
        }
        return all;
    }

    /** A user and the token that authenticates as them. */
    public record SignedIn(User user, String token) {
        public long id() {
            return user.id();
        }
    }
}
