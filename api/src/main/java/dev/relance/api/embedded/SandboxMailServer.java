package dev.relance.api.embedded;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

/** Runs the GreenMail sandbox (SMTP + IMAP on loopback) while Relance runs, when it is embedded. */
@Component
@ConditionalOnProperty(name = "relance.sandbox.embedded", havingValue = "true", matchIfMissing = true)
class SandboxMailServer implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(SandboxMailServer.class);

    private final SandboxProperties properties;
    private GreenMail greenMail;

    SandboxMailServer(SandboxProperties properties) {
        this.properties = properties;
    }

    @Override
    public synchronized void start() {
        greenMail = new GreenMail(new ServerSetup[] {
                new ServerSetup(properties.smtpPort(), properties.host(), ServerSetup.PROTOCOL_SMTP),
                new ServerSetup(properties.imapPort(), properties.host(), ServerSetup.PROTOCOL_IMAP)});
        greenMail.setUser(properties.address(), properties.address(), properties.password());
        greenMail.start();
        log.info("Sandbox mailbox {} ready: SMTP {}:{}, IMAP {}:{} (mail stays here, nothing leaves)",
                properties.address(), properties.host(), properties.smtpPort(), properties.host(), properties.imapPort());
    }

    @Override
    public synchronized void stop() {
        if (greenMail != null) {
            greenMail.stop();
            greenMail = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return greenMail != null;
    }

    /** Before the scheduler and web server start, after which mail may be sent. */
    @Override
    public int getPhase() {
        return Integer.MIN_VALUE + 100;
    }
}
