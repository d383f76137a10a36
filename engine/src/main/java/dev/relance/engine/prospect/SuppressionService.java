package dev.relance.engine.prospect;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.Collection;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.relance.engine.support.ConflictException;
import dev.relance.engine.support.InvalidInputException;
import dev.relance.engine.support.NotFoundException;
import dev.relance.engine.support.Page;
import dev.relance.engine.support.PageRequest;

/** The do-not-contact list: addresses, whole domains, and hashes of erased addresses. */
@Service
public class SuppressionService {

    private static final Pattern ADDRESS = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final Pattern DOMAIN = Pattern.compile("(?i)[a-z0-9]([a-z0-9-]*[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+");

    private final SuppressionRepository suppressions;
    private final Clock clock;

    SuppressionService(SuppressionRepository suppressions, Clock clock) {
        this.suppressions = suppressions;
        this.clock = clock;
    }

    @Transactional
    public Suppression create(SuppressionDraft draft, Long createdBy) {
        String value = normalise(draft);
        try {
            return suppressions.insert(draft.kind(), value, draft.reason() == null ? SuppressionReason.MANUAL : draft.reason(),
                    draft.source(), createdBy, clock.instant());
        } catch (DuplicateKeyException e) {
            throw new ConflictException("duplicate-suppression", draft.kind() + " " + value + " is already suppressed");
        }
    }

    /**
     * Suppresses an address for a reason found by the engine (a hard bounce, a complaint, an
     * unsubscribe); an address already suppressed stays as it was. Returns true when added.
     */
    @Transactional
    public boolean suppressAddress(String email, SuppressionReason reason, String source) {
        return suppressions.insertIfAbsent(SuppressionKind.ADDRESS, EmailAddresses.normalise(email), reason, source,
                clock.instant());
    }

    /**
     * Corrects the reason or source of an entry. What it matches (kind and value) never changes: to
     * suppress something else, add an entry; lifting one is a delete.
     */
    @Transactional
    public Suppression replace(long id, SuppressionDraft draft) {
        Suppression current = get(id);
        if (current.kind() != draft.kind() || !current.value().equalsIgnoreCase(normalise(draft))) {
            throw new InvalidInputException("value", "kind and value of a suppression cannot change: add a new entry");
        }
        return suppressions.updateNote(id, draft.reason() == null ? current.reason() : draft.reason(), draft.source())
                .orElseThrow(() -> new NotFoundException("suppression", id));
    }

    public Suppression get(long id) {
        return suppressions.findById(id).orElseThrow(() -> new NotFoundException("suppression", id));
    }

    public Page<Suppression> list(PageRequest page, SuppressionKind kind, SuppressionReason reason, String value) {
        return Page.of(suppressions.list(page, kind, reason, value), page, Suppression::id);
    }

    @Transactional
    public void delete(long id) {
        if (!suppressions.delete(id)) {
            throw new NotFoundException("suppression", id);
        }
    }

    /** The entry that forbids writing to {@code email}, if any: its address, its domain, or its erased hash. */
    public Optional<Suppression> suppressing(String email) {
        String address = EmailAddresses.normalise(email);
        return suppressions.matching(address, EmailAddresses.domainOf(address), hashOf(address));
    }

    /**
     * {@link #suppressing} for many addresses in one query: the entry that forbids writing to each
     * address some entry forbids, keyed by the address as given.
     */
    public Map<String, Suppression> suppressingAny(Collection<String> emails) {
        List<String> given = List.copyOf(emails);
        if (given.isEmpty()) {
            return Map.of();
        }
        List<String> addresses = given.stream().map(EmailAddresses::normalise).toList();
        Map<Integer, Suppression> found = suppressions.matchingAny(addresses,
                addresses.stream().map(EmailAddresses::domainOf).toList(),
                addresses.stream().map(SuppressionService::hashOf).toList());
        Map<String, Suppression> byEmail = new HashMap<>();
        found.forEach((position, suppression) -> byEmail.put(given.get(position), suppression));
        return byEmail;
    }

    /**
     * For an erased address: adds its {@link SuppressionKind#ADDRESS_HASH} entry (once) and deletes
     * any plain {@link SuppressionKind#ADDRESS} entry of it, so that the list keeps only the hash.
     * Returns the hash, as {@link #addressHash} gives it.
     */
    @Transactional
    public String suppressErased(String email) {
        String address = EmailAddresses.normalise(email);
        String hash = hashOf(address);
        suppressions.insertIfAbsent(SuppressionKind.ADDRESS_HASH, hash, SuppressionReason.ERASURE, "erasure",
                clock.instant());
        suppressions.deleteAddress(address);
        return hash;
    }

    /** The value of the {@link SuppressionKind#ADDRESS_HASH} entry that blocks {@code email} once erased. */
    public static String addressHash(String email) {
        return hashOf(EmailAddresses.normalise(email));
    }

    /** SHA-256 (hex) of the lower-cased address: what erasure keeps of a person. */
    static String hashOf(String email) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(email.trim().toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String normalise(SuppressionDraft draft) {
        String value = draft.value().trim();
        return switch (draft.kind()) {
            case ADDRESS -> {
                if (!ADDRESS.matcher(value).matches()) {
                    throw new InvalidInputException("value", "must be an email address when kind is ADDRESS");
                }
                yield EmailAddresses.normalise(value);
            }
            case DOMAIN -> {
                String domain = value.startsWith("@") ? value.substring(1) : value;
                if (!DOMAIN.matcher(domain).matches()) {
                    throw new InvalidInputException("value", "must be a domain name when kind is DOMAIN");
                }
                yield domain.toLowerCase(Locale.ROOT);
            }
            case ADDRESS_HASH -> throw new InvalidInputException("kind", "ADDRESS_HASH entries are written by erasure only");
        };
    }
}
