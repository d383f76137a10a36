package dev.relance.api.security;

import java.util.Collection;
import java.util.List;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

import dev.relance.engine.user.Credentials;
import dev.relance.engine.user.Role;

/** The signed-in user, as controllers receive it with {@code @AuthenticationPrincipal}. */
public final class RelanceUser implements UserDetails {

    private final long id;
    private final String username;
    private final String passwordHash;
    private final Role role;
    private final boolean enabled;

    RelanceUser(Credentials credentials) {
        this.id = credentials.userId();
        this.username = credentials.username();
        this.passwordHash = credentials.passwordHash();
        this.role = credentials.role();
        this.enabled = credentials.enabled();
    }

    public long id() {
        return id;
    }

    public Role role() {
        return role;
    }

    public boolean is(Role candidate) {
        return role == candidate;
    }

    /**
     * Whether this user may see a record owned by {@code ownerId}: SDRs see their own enrollments
     * and tasks only (another's answers 404, as if it did not exist); the other roles see all.
     */
    public boolean maySee(long ownerId) {
        return role != Role.SDR || ownerId == id;
    }

    /**
     * The owner of what this user creates (an enrollment, an enrollment job): themselves, or, for an
     * ADMIN only, the user they name.
     *
     * @throws AccessDeniedException when a non-admin names someone else
     */
    public long ownerOfNew(Long requestedOwner) {
        if (requestedOwner == null || requestedOwner == id) {
            return id;
        }
        if (role != Role.ADMIN) {
            throw new AccessDeniedException("only an ADMIN enrolls on behalf of another user");
        }
        return requestedOwner;
    }

    /** The owner filter of a list this user asks for: an SDR's lists are always their own. */
    public Long visibleOwner(Long requestedOwner) {
        return role == Role.SDR ? Long.valueOf(id) : requestedOwner;
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return List.of(new SimpleGrantedAuthority("ROLE_" + role.name()));
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return username;
    }

    @Override
    public boolean isEnabled() {
        return enabled;
    }
}
