package dev.relance.engine.user;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.relance.engine.support.ConflictException;
import dev.relance.engine.support.Constraints;
import dev.relance.engine.support.InvalidInputException;
import dev.relance.engine.support.NotFoundException;
import dev.relance.engine.support.Page;
import dev.relance.engine.support.PageRequest;

/** Users, their passwords and their personal API tokens. */
@Service
public class UserService {

    /** Prefix that makes a leaked Relance token recognisable by secret scanners. */
    static final String TOKEN_PREFIX = "rl_";

    private final UserRepository users;
    private final TokenRepository tokens;
    private final Clock clock;
    private final PasswordEncoder passwordEncoder = PasswordEncoderFactories.createDelegatingPasswordEncoder();
    private final SecureRandom random = new SecureRandom();

    UserService(UserRepository users, TokenRepository tokens, Clock clock) {
        this.users = users;
        this.tokens = tokens;
        this.clock = clock;
    }

    @Transactional
    public User create(UserDraft draft) {
        if (draft.password() == null) {
            throw new InvalidInputException("password", "must not be null");
        }
        try {
            return users.insert(draft, passwordEncoder.encode(draft.password()), clock.instant());
        } catch (DuplicateKeyException e) {
            throw duplicate(e);
        } catch (DataIntegrityViolationException e) {
            throw Constraints.invalidReference(e, "app_user");
        }
    }

    @Transactional
    public User replace(long id, UserDraft draft) {
        if (draft.role() != Role.ADMIN || !draft.isEnabled()) {
            keepOneAdmin(id);
        }
        String hash = draft.password() == null ? null : passwordEncoder.encode(draft.password());
        try {
            return users.update(id, draft, hash, clock.instant()).orElseThrow(() -> new NotFoundException("user", id));
        } catch (DuplicateKeyException e) {
            throw duplicate(e);
        } catch (DataIntegrityViolationException e) {
            throw Constraints.invalidReference(e, "app_user");
        }
    }

    public User get(long id) {
        return users.findById(id).orElseThrow(() -> new NotFoundException("user", id));
    }

    /** Users newest first, of one role and one team when given. */
    public Page<User> list(PageRequest page, Role role, Long teamId) {
        return Page.of(users.list(page, role, teamId), page, User::id);
    }

    /** Deletes a user who owns nothing; one who does must be disabled instead. */
    @Transactional
    public void delete(long id) {
        keepOneAdmin(id);
        try {
            if (!users.delete(id)) {
                throw new NotFoundException("user", id);
            }
        } catch (DataIntegrityViolationException e) {
            throw new ConflictException("in-use", "user " + id + " owns prospects, mailboxes or enrollments: disable the user instead");
        }
    }

    public long count() {
        return users.count();
    }

    public Optional<Credentials> credentials(String username) {
        return users.credentials(username);
    }

    public boolean passwordMatches(String rawPassword, String hash) {
        return passwordEncoder.matches(rawPassword, hash);
    }

    @Transactional
    public IssuedToken issueToken(long userId, String name, Instant expiresAt) {
        get(userId);
        byte[] secretBytes = new byte[32];
        random.nextBytes(secretBytes);
        String secret = TOKEN_PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secretBytes);
        return new IssuedToken(tokens.insert(userId, name, sha256(secret), clock.instant(), expiresAt), secret);
    }

    public List<ApiToken> tokens(long userId) {
        return tokens.listForUser(userId);
    }

    @Transactional
    public void revokeToken(long userId, long tokenId) {
        if (!tokens.revoke(userId, tokenId, clock.instant())) {
            throw new NotFoundException("token", tokenId);
        }
    }

    /** The user behind a bearer token, when it is live and its user enabled. */
    @Transactional
    public Optional<Credentials> authenticateToken(String secret) {
        if (secret == null || !secret.startsWith(TOKEN_PREFIX)) {
            return Optional.empty();
        }
        return tokens.authenticate(sha256(secret), clock.instant());
    }

    /** Refuses to remove, demote or disable the last enabled admin: nobody could manage users after. */
    private void keepOneAdmin(long changedUserId) {
        User current = get(changedUserId);
        if (current.role() == Role.ADMIN && current.enabled() && users.otherActiveAdmins(changedUserId) == 0) {
            throw new ConflictException("last-admin", "user " + changedUserId + " is the last enabled admin");
        }
    }

    private static ConflictException duplicate(DuplicateKeyException e) {
        String field = Constraints.nameOf(e).contains("email") ? "email" : "username";
        return new ConflictException("duplicate-user", "a user with this " + field + " already exists");
    }

    private static byte[] sha256(String secret) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
