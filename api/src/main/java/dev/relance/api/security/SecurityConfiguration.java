package dev.relance.api.security;

import static org.springframework.http.HttpMethod.DELETE;
import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.HEAD;
import static org.springframework.http.HttpMethod.POST;
import static org.springframework.http.HttpMethod.PUT;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;

import dev.relance.engine.user.UserService;
import tools.jackson.databind.json.JsonMapper;

/**
 * Who may call what. The API is stateless (HTTP Basic or a bearer token on every request, no
 * session cookie, hence no CSRF exposure); the role matrix below is the whole access policy, and
 * anything it does not name is denied.
 *
 * <pre>
 *                         ADMIN  MANAGER  MARKETER  SDR
 * users                   rw     -        -         -
 * teams                   rw     r        -         -
 * me, my tokens           rw     rw       rw        rw
 * mailboxes               rw     r        -         r
 * prospects, accounts     rw     r        r         rw
 * saved prospect filters  rw     rw (own) -         rw (own only)
 * suppressions            rwd    r        -         rw (no delete)
 * sequences, stock        rw     r        rw        r
 * templates, snippets     rw     r        rw        r   (preview and validate: everyone)
 * enrollments             rw     r        -         rw (own only)
 * enrollment jobs         rw     -        -         rw (own only)
 * erasure                 rw     -        -         -
 * tasks                   rw     r        -         rw (own only; not the overdue count per owner)
 * inbound (review list)   rw     rw       -         rw  (classify a raw message: everyone)
 * qualify/disqualify      rw     rw       -         rw  (own mailboxes' replies)
 * pipeline stages         rw     r        -         r
 * opportunities           rw     rw       -         rw (own only)
 * pipeline metrics        r      r        -         r  (own figures only)
 * reports: sequences,     r      r        r         r   (an SDR's figures are always their own)
 *   funnels, A/B tests
 * reports: rep activity   r      r        -         r   (an SDR sees their own row only)
 * reports: targets        w      w        -         -
 * imports (CSV)           rw     r        -         rw (own imports; rows owned by the SDR)
 * actuator (but health)   r      -        -         -
 * </pre>
 *
 * <p>The links of an email are public, named one by one: the open pixel ({@code GET|HEAD /o/*}),
 * tracked links ({@code GET|HEAD /c/*}) and the unsubscribe page ({@code GET|HEAD|POST /u/*}).
 * Recipients have no account; their opaque token is the only credential, and with no session
 * cookie the one-click POST needs no CSRF token (RFC 8058 mail clients could not send one).
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    private static final String ADMIN = "ADMIN";
    private static final String MANAGER = "MANAGER";
    private static final String MARKETER = "MARKETER";
    private static final String SDR = "SDR";

    @Bean
    SecurityFilterChain api(HttpSecurity http, UserService users, JsonMapper json) throws Exception {
        ProblemSecurityHandlers problems = new ProblemSecurityHandlers(json);
        http.csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .httpBasic(basic -> basic.authenticationEntryPoint(problems))
                .exceptionHandling(errors -> errors.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                .addFilterBefore(new BearerTokenFilter(users, problems), BasicAuthenticationFilter.class)
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
                        .requestMatchers("/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**").permitAll()
                        .requestMatchers("/error").permitAll()
                        .requestMatchers(GET, "/o/*", "/c/*", "/u/*").permitAll()
                        .requestMatchers(HEAD, "/o/*", "/c/*", "/u/*").permitAll()
                        .requestMatchers(POST, "/u/*").permitAll()
                        .requestMatchers("/actuator/**").hasRole(ADMIN)
                        .requestMatchers("/api/v1/me", "/api/v1/me/**").authenticated()
                        .requestMatchers("/api/v1/users", "/api/v1/users/**").hasRole(ADMIN)
                        .requestMatchers(GET, "/api/v1/teams", "/api/v1/teams/**").hasAnyRole(ADMIN, MANAGER)
                        .requestMatchers("/api/v1/teams", "/api/v1/teams/**").hasRole(ADMIN)
                        .requestMatchers(GET, "/api/v1/mailboxes", "/api/v1/mailboxes/**").hasAnyRole(ADMIN, MANAGER, SDR)
                        .requestMatchers("/api/v1/mailboxes", "/api/v1/mailboxes/**").hasRole(ADMIN)
                        .requestMatchers(POST, "/api/v1/prospects/*/erase").hasRole(ADMIN)
                        .requestMatchers("/api/v1/erasures", "/api/v1/erasures/**").hasRole(ADMIN)
                        .requestMatchers(GET, "/api/v1/enrollment-jobs", "/api/v1/enrollment-jobs/**").hasAnyRole(ADMIN, SDR)
                        .requestMatchers(POST, "/api/v1/enrollment-jobs", "/api/v1/enrollment-jobs/**").hasAnyRole(ADMIN, SDR)
                        .requestMatchers("/api/v1/prospect-filters", "/api/v1/prospect-filters/**").hasAnyRole(ADMIN, MANAGER, SDR)
                        .requestMatchers(GET, "/api/v1/prospects", "/api/v1/prospects/**", "/api/v1/accounts",
                                "/api/v1/accounts/**").hasAnyRole(ADMIN, MANAGER, MARKETER, SDR)
                        .requestMatchers("/api/v1/prospects", "/api/v1/prospects/**", "/api/v1/accounts",
                                "/api/v1/accounts/**").hasAnyRole(ADMIN, SDR)
                        .requestMatchers(GET, "/api/v1/suppressions", "/api/v1/suppressions/**").hasAnyRole(ADMIN, MANAGER, SDR)
                        .requestMatchers(POST, "/api/v1/suppressions").hasAnyRole(ADMIN, SDR)
                        .requestMatchers(DELETE, "/api/v1/suppressions/**").hasRole(ADMIN)
                        .requestMatchers(PUT, "/api/v1/suppressions/**").hasAnyRole(ADMIN, SDR)
                        .requestMatchers(GET, "/api/v1/sequences", "/api/v1/sequences/**").hasAnyRole(ADMIN, MANAGER, MARKETER, SDR)
                        .requestMatchers("/api/v1/sequences", "/api/v1/sequences/**").hasAnyRole(ADMIN, MARKETER)
                        .requestMatchers(GET, "/api/v1/templates/**", "/api/v1/snippets", "/api/v1/snippets/**",
                                "/api/v1/stock-sequences", "/api/v1/stock-sequences/**")
                        .hasAnyRole(ADMIN, MANAGER, MARKETER, SDR)
                        .requestMatchers(POST, "/api/v1/templates/preview", "/api/v1/templates/validate")
                        .hasAnyRole(ADMIN, MANAGER, MARKETER, SDR)
                        .requestMatchers("/api/v1/templates/**", "/api/v1/snippets", "/api/v1/snippets/**",
                                "/api/v1/stock-sequences", "/api/v1/stock-sequences/**").hasAnyRole(ADMIN, MARKETER)
                        .requestMatchers(GET, "/api/v1/enrollments", "/api/v1/enrollments/**").hasAnyRole(ADMIN, MANAGER, SDR)
                        .requestMatchers(POST, "/api/v1/enrollments", "/api/v1/enrollments/**").hasAnyRole(ADMIN, SDR)
                        .requestMatchers(GET, "/api/v1/tasks/overdue-by-owner").hasAnyRole(ADMIN, MANAGER)
                        .requestMatchers(GET, "/api/v1/tasks", "/api/v1/tasks/**").hasAnyRole(ADMIN, MANAGER, SDR)
                        .requestMatchers(POST, "/api/v1/tasks/**").hasAnyRole(ADMIN, SDR)
                        .requestMatchers(POST, "/api/v1/inbound/classify").hasAnyRole(ADMIN, MANAGER, MARKETER, SDR)
                        .requestMatchers(GET, "/api/v1/inbound", "/api/v1/inbound/**").hasAnyRole(ADMIN, MANAGER, SDR)
                        .requestMatchers(POST, "/api/v1/inbound/*/reviewed").hasAnyRole(ADMIN, MANAGER, SDR)
                        .requestMatchers(POST, "/api/v1/inbound/*/qualify", "/api/v1/inbound/*/disqualify")
                        .hasAnyRole(ADMIN, MANAGER, SDR)
                        .requestMatchers(GET, "/api/v1/pipeline/stages", "/api/v1/pipeline/stages/**")
                        .hasAnyRole(ADMIN, MANAGER, SDR)
                        .requestMatchers("/api/v1/pipeline/stages", "/api/v1/pipeline/stages/**").hasRole(ADMIN)
                        .requestMatchers(GET, "/api/v1/pipeline/metrics").hasAnyRole(ADMIN, MANAGER, SDR)
                        .requestMatchers(GET, "/api/v1/opportunities", "/api/v1/opportunities/**")
                        .hasAnyRole(ADMIN, MANAGER, SDR)
                        .requestMatchers(POST, "/api/v1/opportunities", "/api/v1/opportunities/*/stage")
                        .hasAnyRole(ADMIN, MANAGER, SDR)
                        .requestMatchers(PUT, "/api/v1/opportunities/*").hasAnyRole(ADMIN, MANAGER, SDR)
                        .requestMatchers(GET, "/api/v1/reports/sequences", "/api/v1/reports/sequences/**")
                        .hasAnyRole(ADMIN, MANAGER, MARKETER, SDR)
                        .requestMatchers(GET, "/api/v1/reports/reps").hasAnyRole(ADMIN, MANAGER, SDR)
                        .requestMatchers(PUT, "/api/v1/reports/targets/*").hasAnyRole(ADMIN, MANAGER)
                        .requestMatchers(GET, "/api/v1/imports", "/api/v1/imports/**").hasAnyRole(ADMIN, MANAGER, SDR)
                        .requestMatchers(POST, "/api/v1/imports", "/api/v1/imports/*/restart").hasAnyRole(ADMIN, SDR)
                        .anyRequest().denyAll());
        return http.build();
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }
}
