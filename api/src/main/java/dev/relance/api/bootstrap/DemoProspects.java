package dev.relance.api.bootstrap;

import java.util.List;
import java.util.Map;

import dev.relance.engine.prospect.ProspectDraft;

/** A handful of fictitious prospects in several time zones and languages. */
final class DemoProspects {

    private DemoProspects() {
    }

    static List<ProspectDraft> drafts(long ownerId) {
        return List.of(
                prospect("ada.lovelace@example-analytics.com", "Ada", "Lovelace", "VP Sales", "Europe/London", "en-GB", "GB",
                        "Example Analytics", Map.of("industry", "Analytics"), ownerId),
                prospect("camille.durand@exemple-logistique.fr", "Camille", "Durand", "Directrice commerciale",
                        "Europe/Paris", "fr-FR", "FR", "Exemple Logistique", Map.of("industry", "Logistique"), ownerId),
                prospect("grace.hopper@example-cloud.com", "Grace", "Hopper", "Head of Revenue", "America/New_York", "en-US",
                        "US", "Example Cloud", Map.of("industry", "Cloud"), ownerId),
                prospect("jonas.weber@beispiel-software.de", "Jonas", "Weber", "Vertriebsleiter", "Europe/Berlin", "de-DE",
                        "DE", "Beispiel Software", Map.of("industry", "Software"), ownerId),
                prospect("ken.sato@example-robotics.jp", "Ken", "Sato", "Sales Director", "Asia/Tokyo", "en-US", "JP",
                        "Example Robotics", Map.of("industry", "Robotics"), ownerId));
    }

    private static ProspectDraft prospect(String email, String firstName, String lastName, String title, String zone,
            String locale, String country, String company, Map<String, Object> custom, long ownerId) {
        return new ProspectDraft(email, firstName, lastName, title, null, null, zone, locale, country, null, custom, ownerId,
                null, company);
    }
}
