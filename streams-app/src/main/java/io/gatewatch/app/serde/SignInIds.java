package io.gatewatch.app.serde;

import java.io.IOException;

/**
 * Sign-in and correlation ids in a stored value: Entra's are lowercase canonical UUIDs
 * ({@code 8-4-4-4-12} hex digits), written as their 16 bytes instead of 37; any other text as
 * itself. One byte says which: {@link #NULL}, {@link #TEXT} or {@link #UUID}.
 */
final class SignInIds {

    static final int NULL = 0;
    static final int TEXT = 1;
    static final int UUID = 2;
    private static final int LENGTH = 36;
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private SignInIds() {
    }

    static void write(String id, BinaryOut out) throws IOException {
        if (id == null) {
            out.writeByte(NULL);
        } else if (isLowercaseUuid(id)) {
            out.writeByte(UUID);
            for (int i = 0; i < LENGTH; i += isDash(i) ? 1 : 2) {
                if (!isDash(i)) {
                    out.writeByte(digit(id.charAt(i)) << 4 | digit(id.charAt(i + 1)));
                }
            }
        } else {
            out.writeByte(TEXT);
            out.writeUTF(id);
        }
    }

    static String read(BinaryIn in) throws IOException {
        int kind = in.readUnsignedByte();
        if (kind == NULL) {
            return null;
        }
        if (kind == TEXT) {
            return in.readUTF();
        }
        if (kind != UUID) {
            throw new IOException("unknown id kind");
        }
        char[] text = new char[LENGTH];
        for (int i = 0; i < LENGTH; i += isDash(i) ? 1 : 2) {
            if (isDash(i)) {
                text[i] = '-';
            } else {
                int pair = in.readUnsignedByte();
                text[i] = HEX[pair >> 4];
                text[i + 1] = HEX[pair & 0xF];
            }
        }
        return new String(text);
    }

    private static boolean isDash(int index) {
        return index == 8 || index == 13 || index == 18 || index == 23;
    }

    private static boolean isLowercaseUuid(String id) {
        if (id.length() != LENGTH) {
            return false;
        }
        for (int i = 0; i < LENGTH; i++) {
            char c = id.charAt(i);
            if (isDash(i) ? c != '-' : digit(c) < 0) {
                return false;
            }
        }
        return true;
    }

    private static int digit(char c) {
        return c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
    }
}
