package io.gatewatch.app.serde;

import io.gatewatch.diagnose.SignInSummary;
import io.gatewatch.diagnose.UserHistory;
import io.gatewatch.schema.Category;
import io.gatewatch.schema.Outcome;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The {@code user-history} store's values: one user's recent sign-ins, enums by name. */
public final class UserHistorySerde extends CompactSerde<UserHistory> {

    public UserHistorySerde() {
        super("UserHistory", 1);
    }

    @Override
    protected void write(UserHistory history, BinaryOut out) throws IOException {
        List<SignInSummary> recent = history.recent();
        out.writeShort(recent.size());
        LazySummaries asRead = history.heldAs(LazySummaries.class);
        if (asRead != null) {
            asRead.writeTo(out); // the sign-ins not changed since the read go back as the bytes they were
            return;
        }
        for (SignInSummary summary : recent) {
            writeSummary(summary, out);
        }
    }

    static void writeSummary(SignInSummary s, BinaryOut out) throws IOException {
        out.writeLong(s.createdDateTime().toEpochMilli());
        writeString(out, s.correlationId());
        writeString(out, s.appDisplayName());
        writeString(out, s.resource());
        writeString(out, s.ipAddress());
        writeString(out, s.browser());
        writeString(out, s.operatingSystem());
        writeString(out, s.location());
        writeString(out, s.failureReason());
        out.writeInt(s.errorCode());
        out.writeUTF(s.category().name());
        out.writeUTF(s.outcome().name());
        out.writeBoolean(s.dynamics());
        out.writeByte(s.remediation().size());
        for (String step : s.remediation()) {
            out.writeUTF(step);
        }
    }

    /**
     * Sign-ins are decoded as they are read ({@link LazySummaries}), and those never changed are
     * written back byte for byte: a later format version must read this one's values eagerly.
     */
    @Override
    protected UserHistory read(BinaryIn in, int version) throws IOException {
        int size = in.readCount(in.readUnsignedShort());
        return UserHistory.over(LazySummaries.read(in, size));
    }

    /** Passes over one sign-in as {@link #readSummary} would read it, checking its bounds and enum names. */
    static void skipSummary(BinaryIn in) throws IOException {
        in.readLong();
        for (int text = 0; text < 8; text++) {
            if (in.readBoolean()) {
                in.skipUTF();
            }
        }
        in.readInt();
        Category.valueOf(in.readRepeatedUTF());
        Outcome.valueOf(in.readRepeatedUTF());
        in.readBoolean();
        for (int r = in.readUnsignedByte(); r > 0; r--) {
            in.skipUTF();
        }
    }

    static SignInSummary readSummary(BinaryIn in) throws IOException {
        Instant time = Instant.ofEpochMilli(in.readLong());
        String correlationId = readString(in);
        String app = readRepeatedString(in);
        String resource = readRepeatedString(in);
        String ip = readString(in);
        String browser = readRepeatedString(in);
        String os = readRepeatedString(in);
        String location = readRepeatedString(in);
        String failureReason = readRepeatedString(in);
        int errorCode = in.readInt();
        Category category = Category.valueOf(in.readRepeatedUTF());
        Outcome outcome = Outcome.valueOf(in.readRepeatedUTF());
        boolean dynamics = in.readBoolean();
        List<String> remediation = new ArrayList<>();
        for (int r = in.readUnsignedByte(); r > 0; r--) {
            remediation.add(in.readRepeatedUTF());
        }
        return new SignInSummary(time, correlationId, app, resource, ip, browser, os, location, errorCode, category,
                outcome, failureReason, dynamics, remediation);
    }
}
