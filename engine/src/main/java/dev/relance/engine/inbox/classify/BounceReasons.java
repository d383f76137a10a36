package dev.relance.engine.inbox.classify;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The reason of one failed delivery, from the server's words first and the RFC 3463 status second: servers
 * often send a generic status (5.0.0, 5.7.1) with precise words ("user unknown"), rarely the reverse.
 *
 * <p>Only userunknown, hostunknown, hasmoved and notaccept are hard: the address or its domain is dead.
 * Policy, reputation, spam, authentication, content, quota and timeout failures say nothing about the
 * address, so suppressing it would lose a good prospect.
 */
final class BounceReasons {

    static final Set<String> HARD = Set.of("userunknown", "hostunknown", "hasmoved", "notaccept");

    private record Rule(String reason, Pattern words) {
    }

    /** First match wins: specific causes before the generic words they often come with. */
    private static final List<Rule> WORDS = List.of(
            rule("expired", "retry timeout exceeded|retry time not reached for any host|delivery time expired"
                    + "|message expired|has been delayed for|could not be delivered for \\d+|too long in (?:the )?queue"
                    + "|was not delivered within|giving up on|queue(?:ing)? time exceeded|message timed out"
                    + "|maximum time|expired after|exceeded the maximum time|timeout waiting for"),
            rule("mailboxfull", "mailbox (?:is |was )?full|full mailbox|over ?quota|quota (?:exceeded|full)"
                    + "|exceeded (?:the )?(?:storage|quota)|insufficient (?:system )?storage|mailbox size limit"
                    + "|user is over|mail ?box (?:is )?over|not enough (?:storage|space)|mailfolder is full|disk quota"
                    + "|account is full|inbox is full|quota"),
            rule("mailererror", "procmail|maildrop|local mailer program|mailer error|\\|\\s*ifs="),
            rule("rejected", "sender address rejected|domain of sender address|sender verify failed"),
            rule("networkerror", "host not found, try again|malformed or unexpected name server reply"
                    + "|temporary failure in name resolution|server refused to talk"),
            rule("hasmoved", "has moved|user has moved|address (?:has )?changed|no longer (?:valid )?at this"),
            rule("notaccept", "does not accept (?:any )?mail|null mx|accepts no mail|not accepting (?:any )?mail"),
            rule("hostunknown", "(?<![@\\w.-])[a-z0-9-]+(?:\\.[a-z0-9-]+)+ does not exist|host unknown|unknown host|host not found|host or domain name not found"
                    + "|domain (?:name )?not found|domain does not exist|no such domain|unrouteable (?:mail )?domain"
                    + "|name or service not known|no mx (?:record|host)|mx (?:record )?(?:lookup|not)"
                    + "|all relevant mx records point to non-existent hosts|unrouteable address|invalid domain"
                    + "|unknown domain|domain (?:is )?not (?:valid|registered)|couldn't find any host"),
            rule("suspend", "suspended|account (?:is |has been )?(?:disabled|deactivated|inactive|locked)"
                    + "|mailbox (?:is |has been )?(?:disabled|inactive|deactivated)|temporarily disabled"),
            rule("authfailure", "\\bdmarc\\b|\\bspf\\b|\\bdkim\\b|sender policy framework|authentication (?:failed|required)"
                    + "|not authenticated|unauthenticated"),
            rule("requireptr", "reverse dns|\\bptr\\b|rdns|reverse lookup|no reverse|cannot find your hostname"
                    + "|client host .* rejected: cannot find|not resolve (?:your )?(?:ip|address)"),
            rule("spamdetected", "\\bspam\\b|junk mail|unsolicited|spamhaus|bulk mail|content filter rejection"),
            rule("virusdetected", "virus (?:detected|found)|contains? a virus|infected|malware"),
            rule("norelaying", "relay(?:ing)? (?:access )?denied|not permitted to relay|relay not permitted"
                    + "|unable to relay|relaying (?:is )?(?:not allowed|prohibited)|we do not relay"),
            rule("blocked", "blacklist|blocklist|block ?listed|black ?listed|\\brbl\\b|\\bdnsbl\\b|reputation"
                    + "|blocked|banned|poor sender|client host .* rejected|connection refused|access denied, banned"),
            rule("userunknown", "user unknown|unknown user|no such (?:user|mailbox|recipient|address|account|person)"
                    + "|(?:user|mailbox|recipient|address|account|addressee) (?:\\S+ )?(?:does not|doesn't) exist"
                    + "|does not exist|doesn't exist|(?:user|mailbox|recipient|address) (?:is )?(?:not found|unknown|invalid)"
                    + "|recipientnotfound|recipient not found|unknown (?:recipient|local.?part|mailbox|address|alias)"
                    + "|invalid (?:recipient|mailbox|address|user)|not a valid (?:mailbox|user|recipient|address)"
                    + "|mailbox (?:not found|unavailable)|no mailbox|recipient address rejected|address rejected"
                    + "|user (?:not found|not local|doesn't have)|no account|unknown or illegal alias"
                    + "|account that you tried to reach does not exist|no valid recipients|invalid address|bad destination"
                    + "|mailbox name not allowed|is not a valid|not listed in|unknown in virtual|rejected recipient"),
            rule("mesgtoobig", "message (?:size )?(?:is )?too (?:big|large)|size limit|exceeds (?:the )?(?:maximum )?(?:message )?size"),
            rule("exceedlimit", "exceeds (?:the )?limit|limit exceeded"),
            rule("toomanyconn", "too many (?:connections|recipients|messages)|rate limit|try again later"),
            rule("policyviolation", "policy|prohibited|not allowed|violat"),
            rule("rejected", "sender (?:address )?rejected|sender (?:verify|verification) failed|domain of sender"
                    + "|rejected|refused|denied"),
            rule("networkerror", "network|connection (?:timed out|reset|lost)|routing loop|loop detected|too many hops"
                    + "|timed out|dns"),
            rule("systemerror", "system error|internal error|local error|temporary failure|server error"),
            rule("contenterror", "content|header|mime"),
            rule("syntaxerror", "syntax|command not recognized|unrecognized command"));

    private BounceReasons() {
    }

    private static Rule rule(String reason, String regex) {
        return new Rule(reason, Pattern.compile(regex, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE));
    }

    /** The reason and the words or code it came from. */
    record Reason(String name, String because) {
        boolean hard() {
            return HARD.contains(name);
        }
    }

    /** Words too vague to overrule a precise status such as 5.1.1. */
    private static final Set<String> VAGUE_WORDS = Set.of("rejected", "policyviolation", "networkerror", "systemerror",
            "contenterror", "syntaxerror", "toomanyconn", "exceedlimit");

    static Reason of(String status, String diagnostic) {
        Reason byCode = byStatus(status);
        if (byCode != null && (byCode.name().equals("notaccept") || byCode.name().equals("rejected"))) {
            return byCode;
        }
        Reason byWords = byWords(diagnostic);
        if (byWords == null) {
            return byCode != null ? byCode : new Reason("undefined", "neither status nor words tell why");
        }
        if (byCode != null && byCode.hard() && VAGUE_WORDS.contains(byWords.name())) {
            return byCode;
        }
        return byWords;
    }

    private static Reason byWords(String diagnostic) {
        if (diagnostic == null) {
            return null;
        }
        String flat = diagnostic.replaceAll("\\s+", " ");
        for (Rule rule : WORDS) {
            var matcher = rule.words().matcher(flat);
            if (matcher.find()) {
                return new Reason(rule.reason(), "the server says \"" + matcher.group().trim() + "\"");
            }
        }
        return null;
    }

    /** RFC 3463 subject and detail, with the codes providers use beyond it. */
    private static Reason byStatus(String status) {
        if (status == null) {
            return null;
        }
        String[] parts = status.split("\\.");
        if (parts.length != 3) {
            return null;
        }
        String detail = parts[1] + "." + parts[2];
        String name = switch (detail) {
            case "1.1", "1.0", "1.3", "1.10" -> "userunknown";
            case "1.2" -> "hostunknown";
            case "1.6" -> "hasmoved";
            case "1.7", "1.8" -> "rejected";
            case "2.1" -> "suspend";
            case "2.2" -> "mailboxfull";
            case "2.3" -> "exceedlimit";
            case "3.4" -> "mesgtoobig";
            case "4.7" -> "expired";
            case "4.6" -> "networkerror";
            case "7.1" -> "blocked";
            case "7.23", "7.25", "7.26" -> "authfailure";
            case "7.27" -> "notaccept";
            case "7.9" -> "policyviolation";
            default -> switch (parts[1]) {
                case "2" -> "mailboxfull";
                case "3" -> "systemerror";
                case "4" -> "networkerror";
                case "5" -> "syntaxerror";
                case "6" -> "contenterror";
                case "7" -> "securityerror";
                default -> null;
            };
        };
        return name == null ? null : new Reason(name, "status " + status + " (" + meaning(detail) + ")");
    }

    private static String meaning(String detail) {
        return switch (detail) {
            case "1.1", "1.0", "1.3", "1.10" -> "address does not exist";
            case "1.2" -> "domain does not exist";
            case "1.6" -> "mailbox has moved";
            case "2.2" -> "mailbox full";
            case "4.7" -> "delivery time expired";
            case "7.27" -> "domain accepts no mail";
            default -> "RFC 3463 class " + detail.charAt(0) + ".x";
        };
    }

    static String lower(String text) {
        return text == null ? "" : text.toLowerCase(Locale.ROOT);
    }
}
