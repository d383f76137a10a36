package dev.relance.api.bootstrap;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Demo data written at the first start, beside the first admin.
 *
 * @param enabled on an empty database, also create a demo SDR owning the sandbox mailbox, a demo
 *     sequence and demo prospects, two of them enrolled (default true)
 */
@ConfigurationProperties("relance.demo")
public record DemoProperties(@DefaultValue("true") boolean enabled) {
}
