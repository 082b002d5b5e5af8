package io.gatewatch.app.serde;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Strings written once per stored value and referred to by number after: a user's windows name
 * the user, the address and the app in every observation, an address's windows its users again
 * and again. One byte per string: {@link #NULL}, {@link #NEW} followed by the text (which takes
 * the next number), or a number below {@link #LIMIT} plus {@link #FIRST}. Past the limit a string
 * is written out each time. The writer is reused by its thread; a reader lives for one value.
 */
final class ValueStrings {

    static final int NULL = 0;
    static final int NEW = 1;
    static final int FIRST = 2;
    static final int LIMIT = 256 - FIRST;

    private ValueStrings() {
    }

    /** Numbers the strings of one value as it is written. */
    static final class Writer {
        private final Map<String, Integer> numbers = new HashMap<>();

        /** Call before each value. */
        Writer reset() {
            numbers.clear();
            return this;
        }

        void write(String value, BinaryOut out) throws IOException {
            if (value == null) {
                out.writeByte(NULL);
                return;
            }
            Integer number = numbers.get(value);
            if (number != null) {
                out.writeByte(FIRST + number);
                return;
            }
            if (numbers.size() < LIMIT) {
                numbers.put(value, numbers.size());
            }
            out.writeByte(NEW);
            out.writeUTF(value);
        }
    }

    /** Reads the strings of one value, keeping those given out in order to resolve later numbers. */
    static final class Reader {
        private final List<String> numbered = new ArrayList<>();

        /** {@code shared}: a text that repeats across values too, read as one {@code String} per text. */
        String read(BinaryIn in, boolean shared) throws IOException {
            int code = in.readUnsignedByte();
            if (code == NULL) {
                return null;
            }
            if (code == NEW) {
                String value = shared ? in.readRepeatedUTF() : in.readUTF();
                if (numbered.size() < LIMIT) {
                    numbered.add(value);
                }
                return value;
            }
            if (code - FIRST >= numbered.size()) {
                throw new IOException("string number past those read");
            }
            return numbered.get(code - FIRST);
        }
    }
}
