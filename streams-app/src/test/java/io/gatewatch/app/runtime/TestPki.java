package io.gatewatch.app.runtime;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A throwaway certificate authority and a broker certificate for {@code localhost} / 127.0.0.1,
 * made with the JDK's keytool: the broker's PKCS12 key store and the clients' trust store, both
 * under one password. For the tests' SASL_SSL brokers.
 */
record TestPki(Path brokerKeystore, Path truststore, String password) {

    static TestPki create(Path dir, String password) throws Exception {
        Path pki = Files.createDirectories(dir);
        keytool(pki, "-genkeypair", "-alias", "ca", "-keyalg", "RSA", "-keysize", "2048", "-dname", "CN=gatewatch-test-ca",
                "-ext", "bc:c", "-validity", "2", "-keystore", "ca.p12", "-storetype", "PKCS12", "-storepass", password);
        keytool(pki, "-exportcert", "-rfc", "-alias", "ca", "-keystore", "ca.p12", "-storepass", password,
                "-file", "ca.pem");
        keytool(pki, "-genkeypair", "-alias", "broker", "-keyalg", "RSA", "-keysize", "2048", "-dname", "CN=localhost",
                "-validity", "2", "-keystore", "broker.p12", "-storetype", "PKCS12", "-storepass", password);
        keytool(pki, "-certreq", "-alias", "broker", "-keystore", "broker.p12", "-storepass", password,
                "-file", "broker.csr");
        keytool(pki, "-gencert", "-rfc", "-alias", "ca", "-keystore", "ca.p12", "-storepass", password,
                "-infile", "broker.csr", "-outfile", "broker.pem", "-validity", "2",
                "-ext", "SAN=dns:localhost,ip:127.0.0.1");
        keytool(pki, "-importcert", "-noprompt", "-alias", "ca", "-file", "ca.pem", "-keystore", "broker.p12",
                "-storepass", password);
        keytool(pki, "-importcert", "-noprompt", "-alias", "broker", "-file", "broker.pem", "-keystore", "broker.p12",
                "-storepass", password);
        keytool(pki, "-importcert", "-noprompt", "-alias", "ca", "-file", "ca.pem", "-keystore", "truststore.p12",
                "-storetype", "PKCS12", "-storepass", password);
        return new TestPki(pki.resolve("broker.p12"), pki.resolve("truststore.p12"), password);
    }

    private static void keytool(Path dir, String... args) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        if (!process.waitFor(1, TimeUnit.MINUTES) || process.exitValue() != 0) {
            throw new IllegalStateException("keytool " + args[0] + " failed: " + output);
        }
    }
}
