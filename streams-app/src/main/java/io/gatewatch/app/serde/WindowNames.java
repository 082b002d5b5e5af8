package io.gatewatch.app.serde;

import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A window's name in an {@link EntityWindowsSerde} value from format 5: Gatewatch's own rule ids
 * as one byte, their position in {@link #BUILT_IN} plus one, and any other name (a rule file's
 * {@code ID#fingerprint}) as 0 and its text. A user's record names four to six windows in each
 * write; their names were a fifth of its bytes.
 *
 * <p>Stored values refer to positions: the list only ever grows at its end, and a rule removed
 * from the catalogue keeps its place.
 */
final class WindowNames {

    static final List<String> BUILT_IN = List.of(
            "ACCOUNT_LOCKOUT", "MFA_FRAUD_REPORTED", "MFA_DENIED", "RISKY_SIGN_IN", "DYNAMICS_MISSING_ROLE",
            "DYNAMICS_REGION_MISMATCH", "BRUTE_FORCE", "BRUTE_FORCE_SUCCESS", "PASSWORD_SPRAY", "MFA_FATIGUE",
            "MFA_FATIGUE_SUCCESS", "IMPOSSIBLE_TRAVEL", "DISTRIBUTED_CRACKING", "LOCKOUT_STORM",
            "PASSWORD_EXPIRY_WAVE", "DISABLED_ACCOUNT_PROBING", "DISABLED_ACCOUNT_PROBE_THEN_SUCCESS",
            "CROSS_TENANT_SPRAY", "CONDITIONAL_ACCESS_SPIKE", "FAILURE_RATE_SPIKE", "BREAK_GLASS_SIGN_IN",
            "PRIVILEGED_ACCOUNT_FAILURES", "LEGACY_AUTH_SUCCESS", "REPEATED_RISK", "DEVICE_CODE_FIRST_USE",
            "FIRST_PARTY_CLIENT_TO_GRAPH", "SEAMLESS_SSO_SPRAY", "SESSION_REPLAY", "DEVICE_CODE_SESSION_SPREAD",
            "BROKER_DEVICE_CODE_REGISTRATION", "SUCCESS_THEN_FAILURE_OTHER_NETWORK",
            "NEW_COUNTRY_VALID_PASSWORD", "TOTP_BRUTE_FORCE", "CONSENT_DENIED", "PRIVILEGED_NEW_NETWORK",
            "PRIVILEGED_SINGLE_FACTOR", "SERVICE_PRINCIPAL_NEW_NETWORK",
            "SERVICE_PRINCIPAL_CREDENTIAL_FAILURES", "RISK_LEVEL_PASSTHROUGH");

    private static final Map<String, Integer> POSITIONS = new HashMap<>();

    static {
        for (int i = 0; i < BUILT_IN.size(); i++) {
            POSITIONS.put(BUILT_IN.get(i), i + 1);
        }
    }

    private WindowNames() {
    }

    static void write(String name, BinaryOut out) throws IOException {
        Integer position = POSITIONS.get(name);
        out.writeByte(position == null ? 0 : position);
        if (position == null) {
            out.writeUTF(name);
        }
    }

    static String read(BinaryIn in) throws IOException {
        int position = in.readUnsignedByte();
        if (position == 0) {
            return in.readRepeatedUTF();
        }
        if (position > BUILT_IN.size()) {
            throw new IOException("window name " + position + " past the names known");
        }
        return BUILT_IN.get(position - 1);
    }
}
