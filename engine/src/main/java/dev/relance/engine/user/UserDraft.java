package dev.relance.engine.user;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A user as created or replaced. On replace, a null {@code password} keeps the current one.
 *
 * @param username sign-in name: letters, digits, dot, dash, underscore
 * @param password 12 to 72 characters (72 is bcrypt's limit)
 * @param enabled false signs the user out everywhere and refuses their tokens; default true
 * @param teamId the user's team; none when null
 */
public record UserDraft(
        @NotBlank @Size(max = 64) @Pattern(regexp = "[A-Za-z0-9._-]+", message = "may contain letters, digits, '.', '_' and '-' only") String username,
        @NotBlank @Email @Size(max = 254) String email,
        @NotBlank @Size(max = 200) String displayName,
        @NotNull Role role,
        @Size(min = 12, max = 72) String password,
        Boolean enabled,
        Long teamId) {

    /** A user without a team. */
    public UserDraft(String username, String email, String displayName, Role role, String password, Boolean enabled) {
        this(username, email, displayName, role, password, enabled, null);
    }

    boolean isEnabled() {
        return enabled == null || enabled;
    }
}
