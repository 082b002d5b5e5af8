package io.gatewatch.app.config;

import java.util.List;

/** The topics Gatewatch reads and writes (DESIGN §2); every name is configurable. */
public record TopicNames(String signinEvents, String dynamicsAccess, String dynamicsOrgs, String alerts,
                         String aggregates, String classified, String deadLetter) {

    public static final TopicNames DEFAULTS = new TopicNames("signin-events", "dynamics-access", "dynamics-orgs",
            "signin-alerts", "signin-aggregates", "signin-classified", "signin-events-dlq");

    public List<String> all() {
        return List.of(signinEvents, dynamicsAccess, dynamicsOrgs, alerts, aggregates, classified, deadLetter);
    }
}
