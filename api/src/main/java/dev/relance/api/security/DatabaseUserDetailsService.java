package dev.relance.api.security;

import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;

import dev.relance.engine.user.UserService;

/** Users for HTTP Basic come from the database. */
@Component
class DatabaseUserDetailsService implements UserDetailsService {

    private final UserService users;

    DatabaseUserDetailsService(UserService users) {
        this.users = users;
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        return users.credentials(username).map(RelanceUser::new)
                .orElseThrow(() -> new UsernameNotFoundException("no such user"));
    }
}
