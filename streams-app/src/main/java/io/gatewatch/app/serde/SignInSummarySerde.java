package io.gatewatch.app.serde;

import io.gatewatch.diagnose.SignInSummary;
import io.gatewatch.schema.Category;
import io.gatewatch.schema.Outcome;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The {@code user-sign-ins} store's values: one sign-in or Dynamics request as the helpdesk sees it, enums by name. */
public final class SignInSummarySerde extends CompactSerde<SignInSummary> {

    public SignInSummarySerde() {
        super("SignInSummary", 1);
    }

    @Override
    protected void write(SignInSummary s, BinaryOut out) throws IOException {
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

    @Override
    protected SignInSummary read(BinaryIn in, int version) throws IOException {
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
