package io.gatewatch.cli.demo;

import java.security.SecureRandom;
import java.util.Base64;

/** A fresh random admin token for one demo run. */
final class DemoToken {

    private static final SecureRandom RANDOM = new SecureRandom();

    private DemoToken() {
    }

    static String generate() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
