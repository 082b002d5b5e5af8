package io.gatewatch.rules.exceptions;

import io.gatewatch.schema.ClassifiedEvent;
import io.gatewatch.schema.InputEvent;
import io.gatewatch.schema.SignInEvent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.StringJoiner;

/**
 * One set of exceptions — address ranges, autonomous system numbers, users, apps — and the test
 * of an event against it. An event is excepted when any one matches: its address is in a range,
 * its AS number is listed (sign-ins that carry one), its user principal name is listed, or its
 * app id or app display name is (sign-ins; a Dynamics access has no app).
 *
 * <p>The test allocates nothing: AS numbers are a sorted {@code int[]}, names a case-folding hash
 * table, address ranges pre-computed masks; an empty list answers false at once.
 */
public final class ExceptionList {

    /** Excepts nothing. */
    public static final ExceptionList NONE = builder().build();

    private final List<AddressRange> ranges;
    private final AddressSet addresses;
    private final int[] asns;
    private final NameSet users;
    private final NameSet apps;
    private final boolean empty;

    private ExceptionList(List<AddressRange> ranges, int[] asns, NameSet users, NameSet apps) {
        this.ranges = List.copyOf(ranges);
        this.addresses = ranges.isEmpty() ? AddressSet.EMPTY : new AddressSet(this.ranges);
        this.asns = asns;
        this.users = users;
        this.apps = apps;
        this.empty = ranges.isEmpty() && asns.length == 0 && users.isEmpty() && apps.isEmpty();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Whether the classified event is excepted. */
    public boolean excepts(ClassifiedEvent event) {
        return !empty && excepts(event.event());
    }

    /** Whether the event is excepted. */
    public boolean excepts(InputEvent event) {
        if (empty) {
            return false;
        }
        if (event instanceof SignInEvent signIn) {
            Integer asn = signIn.autonomousSystemNumber();
            if (asn != null && asns.length != 0 && Arrays.binarySearch(asns, asn) >= 0) {
                return true;
            }
            if (apps.contains(signIn.appId()) || apps.contains(signIn.appDisplayName())) {
                return true;
            }
        }
        return users.contains(event.userPrincipalName()) || addresses.contains(event.ipAddress());
    }

    public boolean isEmpty() {
        return empty;
    }

    /** This list and {@code other} together. */
    public ExceptionList plus(ExceptionList other) {
        if (other.empty) {
            return this;
        }
        if (empty) {
            return other;
        }
        Builder both = builder();
        ranges.forEach(both::address);
        other.ranges.forEach(both::address);
        Arrays.stream(asns).forEach(both::asn);
        Arrays.stream(other.asns).forEach(both::asn);
        users.names().forEach(both::user);
        other.users.names().forEach(both::user);
        apps.names().forEach(both::app);
        other.apps.names().forEach(both::app);
        return both.build();
    }

    public List<AddressRange> addresses() {
        return ranges;
    }

    /** The AS numbers, ascending. */
    public List<Integer> asns() {
        return Arrays.stream(asns).boxed().toList();
    }

    public List<String> users() {
        return users.names();
    }

    public List<String> apps() {
        return apps.names();
    }

    /** {@code addresses=[10.0.0.0/8] asns=[8075]}: the kinds that have entries; users by count only. */
    @Override
    public String toString() {
        StringJoiner text = new StringJoiner(" ");
        if (!ranges.isEmpty()) {
            text.add("addresses=" + ranges);
        }
        if (asns.length != 0) {
            text.add("asns=" + asns());
        }
        if (!users.isEmpty()) {
            text.add("users=" + users.names().size());
        }
        if (!apps.isEmpty()) {
            text.add("apps=" + apps.names());
        }
        return empty ? "none" : text.toString();
    }

    /** Collects entries; duplicates (names ignoring case) are kept once. */
    public static final class Builder {

        private final Set<AddressRange> ranges = new LinkedHashSet<>();
        private final Set<Integer> asns = new LinkedHashSet<>();
        private final List<String> users = new ArrayList<>();
        private final List<String> apps = new ArrayList<>();

        private Builder() {
        }

        public Builder address(AddressRange range) {
            ranges.add(range);
            return this;
        }

        public Builder asn(int asn) {
            if (asn < 0) {
                throw new IllegalArgumentException("an autonomous system number is not negative");
            }
            asns.add(asn);
            return this;
        }

        /** A user principal name, matched exactly, ignoring case. */
        public Builder user(String userPrincipalName) {
            users.add(userPrincipalName.strip());
            return this;
        }

        /** An app id or app display name, matched exactly, ignoring case. */
        public Builder app(String appIdOrName) {
            apps.add(appIdOrName.strip());
            return this;
        }

        /** Adds a configuration value: the comma-separated list of one kind, checked as the key's. */
        public Builder read(ExceptionKind kind, String key, String value) {
            kind.read(key, value, this);
            return this;
        }

        public ExceptionList build() {
            return new ExceptionList(new ArrayList<>(ranges), asns.stream().mapToInt(Integer::intValue).sorted().toArray(),
                    users.isEmpty() ? NameSet.EMPTY : new NameSet(users),
                    apps.isEmpty() ? NameSet.EMPTY : new NameSet(apps));
        }
    }
}
