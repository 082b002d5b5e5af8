package io.gatewatch.app.runtime;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.net.ssl.SSLContext;

/**
 * An HTTPS proxy in front of one API instance that records what each request carried: that
 * instance advertises the proxy in {@code application.server}, so every query another instance
 * forwards to it passes here, and the test can see which headers crossed between instances.
 */
final class RecordingProxy implements AutoCloseable {

    /** One request as received: method, path and query, headers by lower-cased name. */
    record Received(String method, String pathAndQuery, Map<String, String> headers) {
    }

    /** Headers the JDK client sets itself and refuses to be given. */
    private static final Set<String> RESTRICTED = Set.of("connection", "content-length", "expect", "host", "upgrade");

    private final HttpsServer server;
    private final HttpClient client;
    private final String target;
    private final List<Received> received = new CopyOnWriteArrayList<>();

    RecordingProxy(SSLContext serverContext, SSLContext clientContext, int targetPort) throws IOException {
        this.server = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        this.server.setHttpsConfigurator(new HttpsConfigurator(serverContext));
        this.client = HttpClient.newBuilder().sslContext(clientContext).version(HttpClient.Version.HTTP_1_1).build();
        this.target = "https://127.0.0.1:" + targetPort;
        this.server.createContext("/", this::relay);
        this.server.start();
    }

    int port() {
        return server.getAddress().getPort();
    }

    List<Received> received() {
        return List.copyOf(received);
    }

    private void relay(HttpExchange exchange) throws IOException {
        String pathAndQuery = exchange.getRequestURI().getRawPath()
                + (exchange.getRequestURI().getRawQuery() == null ? "" : "?" + exchange.getRequestURI().getRawQuery());
        Map<String, String> headers = new TreeMap<>();
        exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT), values.get(0)));
        received.add(new Received(exchange.getRequestMethod(), pathAndQuery, headers));
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(target + pathAndQuery))
                .timeout(Duration.ofSeconds(10)).GET();
        headers.forEach((name, value) -> {
            if (!RESTRICTED.contains(name)) {
                request.header(name, value);
            }
        });
        byte[] body;
        int status;
        try {
            HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            status = response.statusCode();
            body = response.body().getBytes(StandardCharsets.UTF_8);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            status = 503;
            body = new byte[0];
        }
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            exchange.getResponseBody().write(body);
        }
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
