package dev.relance.api.demo;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Demo data written at the first start on an empty database.
 *
 * @param enabled seed an admin, a demo SDR with the sandbox mailbox, a demo sequence and demo
 *     prospects when no user exists yet (default true)
 * @param adminPassword the first admin's password; when empty one is generated and printed once
 */
@ConfigurationProperties("relance.demo")
public record DemoProperties(@DefaultValue("true") boolean enabled, String adminPassword) {
}
