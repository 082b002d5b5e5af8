package io.gatewatch.app.config;

import io.gatewatch.rules.RuleKeys;
import java.util.Locale;

/** Which keys' values are never shown — in the start-up log, in {@code gatewatch config}, in a problem's message. */
public final class SecretKeys {

    /** What a secret value is shown as. */
    public static final String MASK = "********";

    private static final String[] SECRET_WORDS = {"password", "secret", "jaas", "token", "key"};

    private SecretKeys() {
    }

    /**
     * Whether a key's value is masked: any key with password, secret, jaas, token or key in it
     * ({@code sasl.jaas.config}, {@code ssl.key.password}, {@code ssl.keystore.key}), except those
     * that name a class or a file rather than hold a secret ({@code key.serializer},
     * {@code api.tokens.file}, {@code ssl.truststore.location}, {@code http.tls.keystore.path},
     * {@code ssl.keystore.type}) and the rule settings, whose names
     * are rule names ({@code rule.PASSWORD_SPRAY.threshold}).
     */
    public static boolean isSecret(String key) {
        if (RuleKeys.isRuleKey(key)) {
            return false;
        }
        String lower = key.toLowerCase(Locale.ROOT);
        for (String word : SECRET_WORDS) {
            if (lower.contains(word) && !lower.endsWith(".serializer") && !lower.endsWith(".deserializer")
                    && !lower.endsWith(".serde") && !lower.endsWith(".file") && !lower.endsWith(".location")
                    && !lower.endsWith(".path") && !lower.endsWith(".type")) {
                return true;
            }
        }
        return false;
    }
}
