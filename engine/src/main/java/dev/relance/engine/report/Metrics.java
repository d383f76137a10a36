package dev.relance.engine.report;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Counts and the rates computed from them, each rate naming its numerator and denominator. Open and
 * click rates count people only (machine opens and clicks are reported apart, never in a rate).
 */
public record Metrics(Counts counts, Map<String, Rate> rates) {

    static Metrics of(Tally tally) {
        Counts c = Counts.of(tally);
        Map<String, Rate> rates = new LinkedHashMap<>();
        rates.put("deliveryRate", Rate.of(c.delivered(), "delivered", c.attempted(), "attempted"));
        rates.put("bounceRate", Rate.of(c.bounced(), "bounced", c.attempted(), "attempted"));
        rates.put("hardBounceRate", Rate.of(c.bouncedHard(), "bouncedHard", c.attempted(), "attempted"));
        rates.put("openRate", Rate.of(c.openedHuman(), "openedHuman", c.delivered(), "delivered"));
        rates.put("clickRate", Rate.of(c.clickedHuman(), "clickedHuman", c.delivered(), "delivered"));
        rates.put("clickToOpenRate", Rate.of(c.clickedHuman(), "clickedHuman", c.openedHuman(), "openedHuman"));
        rates.put("replyRate", Rate.of(c.replied(), "replied", c.delivered(), "delivered"));
        rates.put("interestedRate", Rate.of(c.interested(), "interested", c.delivered(), "delivered"));
        rates.put("interestedShareOfReplies", Rate.of(c.interested(), "interested", c.replied(), "replied"));
        rates.put("outOfOfficeRate", Rate.of(c.outOfOffice(), "outOfOffice", c.delivered(), "delivered"));
        rates.put("unsubscribeRate", Rate.of(c.unsubscribed(), "unsubscribed", c.delivered(), "delivered"));
        rates.put("complaintRate", Rate.of(c.complained(), "complained", c.delivered(), "delivered"));
        rates.put("meetingRate", Rate.of(c.meetings(), "meetings", c.delivered(), "delivered"));
        return new Metrics(c, rates);
    }
}
