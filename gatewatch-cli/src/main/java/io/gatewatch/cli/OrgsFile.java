package io.gatewatch.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.gatewatch.app.runtime.ReadableFile;
import io.gatewatch.app.runtime.UsageError;
import io.gatewatch.schema.DynamicsOrg;
import io.gatewatch.schema.read.JsonMappers;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The {@code --orgs} option of classify and analyze: JSON lines of {@code {"orgName","tenantId","regionHost"}}. */
final class OrgsFile {

    @picocli.CommandLine.Option(names = "--orgs", paramLabel = "FILE",
            description = "Dynamics org directory: JSON lines of {\"orgName\",\"tenantId\",\"regionHost\"}.")
    Path file;

    /** Fails with a one-line usage error (exit 2) when the option names a file that cannot be read or has a bad line. */
    void requireReadable(picocli.CommandLine commandLine) {
        if (file != null) {
            ReadableFile.require(commandLine, file, "--orgs");
            try {
                read(file);
            } catch (IOException e) {
                throw new UsageError(commandLine, e.getMessage());
            }
        }
    }

    /** The directory entries, none when the option was not given. */
    List<DynamicsOrg> entries() throws IOException {
        return file == null ? List.of() : read(file);
    }

    /** Org name → region host, as the classifier's directory. */
    Map<String, String> regionHosts() throws IOException {
        Map<String, String> hosts = new HashMap<>();
        entries().forEach(org -> hosts.put(org.orgName(), org.regionHost()));
        return hosts;
    }

    static List<DynamicsOrg> read(Path file) throws IOException {
        ObjectMapper mapper = JsonMappers.internal();
        List<DynamicsOrg> orgs = new ArrayList<>();
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            int lineNumber = 0;
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                lineNumber++;
                if (line.isBlank()) {
                    continue;
                }
                try {
                    orgs.add(mapper.readValue(line, DynamicsOrg.class));
                } catch (IOException | IllegalArgumentException e) {
                    throw new IOException(file + ": line " + lineNumber
                            + ": expected {\"orgName\",\"tenantId\",\"regionHost\"}", null);
                }
            }
        }
        return orgs;
    }
}
