package dev.relance.api.support;

/** Request bodies used across API tests, built in one place. */
public final class Json {

    private Json() {
    }

    public static String prospect(String email) {
        return """
                {"email": "%s", "firstName": "Ada", "lastName": "Lovelace", "timeZone": "Europe/London",
                 "locale": "en-GB", "country": "GB", "customFields": {"industry": "Analytics"}}
                """.formatted(email);
    }

    public static String mailbox(String address, Long ownerId) {
        return """
                {"emailAddress": "%s", "displayName": "Sam Seller", "ownerId": %s, "timeZone": "Europe/Paris",
                 "smtp": {"host": "smtp.example.com", "port": 587, "security": "STARTTLS", "username": "%s",
                          "password": "smtp-secret-password"}}
                """.formatted(address, ownerId, address);
    }

    public static String sequence(String name) {
        return """
                {"name": "%s", "status": "ACTIVE",
                 "steps": [
                   {"type": "AUTO_EMAIL", "delay": {"amount": 0, "unit": "MINUTES"},
                    "variants": [{"label": "A", "subject": "Hello {{ first_name | default: 'there' }}",
                                  "bodyText": "Hi {{ first_name | default: 'there' }}"}]},
                   {"type": "AUTO_EMAIL", "delay": {"amount": 3, "unit": "BUSINESS_DAYS"}, "threadMode": "REPLY_IN_THREAD",
                    "variants": [{"label": "A", "bodyText": "Bumping this."}]},
                   {"type": "CALL", "delay": {"amount": 2, "unit": "DAYS"}, "taskNote": "Call them"}]}
                """.formatted(name);
    }
}
