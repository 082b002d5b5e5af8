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
        for (SignInSummary s : recent) {
            out.writeLong(s.createdDateTime().toEpochMilli());
            for (String text : new String[] {s.correlationId(), s.appDisplayName(), s.resource(), s.ipAddress(),
                    s.browser(), s.operatingSystem(), s.location(), s.failureReason()}) {
                writeString(out, text);
            }
            out.writeInt(s.errorCode());
            out.writeUTF(s.category().name());
            out.writeUTF(s.outcome().name());
            out.writeBoolean(s.dynamics());
            out.writeByte(s.remediation().size());
            for (String step : s.remediation()) {
                out.writeUTF(step);
            }
        }
    }

    @Override
    protected UserHistory read(BinaryIn in, int version) throws IOException {
        int size = in.readCount(in.readUnsignedShort());
        List<SignInSummary> recent = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
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
            recent.add(new SignInSummary(time, correlationId, app, resource, ip, browser, os, location, errorCode,
                    category, outcome, failureReason, dynamics, remediation));
        }
        return UserHistory.restore(recent);
    }
}
