package dev.relance.api.bootstrap;

import java.security.SecureRandom;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import dev.relance.engine.user.Role;
import dev.relance.engine.user.UserDraft;
import dev.relance.engine.user.UserService;

/**
 * On an empty database (no user at all): creates the first admin and, unless disabled, the demo
 * data. Generated passwords are printed once, now, and never again: only their hashes are stored.
 */
@Component
class FirstStart implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(FirstStart.class);
    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";

    private final UserService users;
    private final DemoData demoData;
    private final AdminProperties admin;
    private final DemoProperties demo;
    private final SecureRandom random = new SecureRandom();

    FirstStart(UserService users, DemoData demoData, AdminProperties admin, DemoProperties demo) {
        this.users = users;
        this.demoData = demoData;
        this.admin = admin;
        this.demo = demo;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        if (users.count() > 0) {
            return;
        }
        boolean generated = admin.initialPassword() == null || admin.initialPassword().isBlank();
        String adminPassword = generated ? generatedPassword() : admin.initialPassword();
        if (adminPassword.length() < 12 || adminPassword.length() > 72) {
            throw new IllegalStateException("relance.admin.initial-password must be 12 to 72 characters");
        }
        users.create(new UserDraft("admin", "admin@relance.local", "Admin", Role.ADMIN, adminPassword, true));
        StringBuilder banner = new StringBuilder("\n================================================================\n")
                .append(" Relance is set up. Save these now; they are not shown again.\n")
                .append("   admin / ").append(generated ? adminPassword : "(the password you set)").append("   (ADMIN)\n");
        if (demo.enabled()) {
            String sdrPassword = generatedPassword();
            demoData.create(sdrPassword);
            banner.append("   sdr   / ").append(sdrPassword).append("   (SDR, owns the demo sandbox mailbox)\n");
        }
        banner.append(" Try: curl -u admin:<password> http://localhost:8080/api/v1/sequences\n")
                .append("================================================================\n");
        System.out.println(banner);
        log.info("First start: admin created{}; credentials printed on the console", demo.enabled() ? " with demo data" : "");
    }

    private String generatedPassword() {
        StringBuilder password = new StringBuilder();
        for (int i = 0; i < 20; i++) {
            password.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return password.toString();
    }
}
