package io.gatewatch.app.api;

import io.gatewatch.app.topology.GatewatchTopology;
import com.fasterxml.jackson.core.type.TypeReference;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.StreamsMetadata;
import org.apache.kafka.streams.state.HostInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds the instance that owns a tenant (every tenant-keyed store lives on the tenant's
 * partition, so the owner of the minute windows owns them all) and forwards a query to it,
 * signed with the caller's scope ({@link ForwardSignature}) and never with the caller's token,
 * over HTTPS when the API serves it. With no {@code application.server} set there is one
 * instance and every query is local.
 */
final class QueryRouter {

    private static final Logger LOG = LoggerFactory.getLogger(QueryRouter.class);

    /** The one line when several instances have no secret to sign with. */
    static final String NO_SECRET = "several instances share this application.id but api.internal.secret is not set:"
            + " set the same secret on every instance (GATEWATCH_API_INTERNAL_SECRET) so they can ask each other";

    private final KafkaStreams streams;
    private final HostInfo self;
    private final ForwardSignature signature;
    private final String scheme;
    private final HttpClient http;

    /** {@code signature} null: no secret; {@code ssl} null: plain HTTP. */
    QueryRouter(KafkaStreams streams, String applicationServer, ForwardSignature signature, SSLContext ssl) {
        this.streams = streams;
        this.self = applicationServer == null ? null : HostInfo.buildFromEndpoint(applicationServer);
        this.signature = signature;
        this.scheme = ssl == null ? "http" : "https";
        HttpClient.Builder http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
                .version(HttpClient.Version.HTTP_1_1);
        this.http = (ssl == null ? http : http.sslContext(ssl)).build();
    }

    /** The other instance that owns the tenant; empty when it is this one. */
    Optional<HostInfo> ownerOf(String tenant) {
        if (self == null) {
            return Optional.empty();
        }
        KeyQueryMetadata owner = streams.queryMetadataForKey(GatewatchTopology.AGGREGATE_STORE, tenant,
                Serdes.String().serializer());
        if (owner == null || KeyQueryMetadata.NOT_AVAILABLE.equals(owner)) {
            throw new ApiException(503, "the tenant's state is not available yet (rebalancing); retry");
        }
        return self.equals(owner.activeHost()) ? Optional.empty() : Optional.of(owner.activeHost());
    }

    /** Every other instance of the application. */
    List<HostInfo> others() {
        if (self == null) {
            return List.of();
        }
        return streams.metadataForAllStreamsClients().stream().map(StreamsMetadata::hostInfo)
                .filter(host -> !host.equals(self)).distinct().toList();
    }

    /**
     * The lists every other instance answers to {@code pathAndQuery} (asked with the caller's
     * scope; an instance that does not answer 200 adds nothing), for data spread over all.
     */
    <T> List<T> gather(String pathAndQuery, AccessTokens.Scope scope, TypeReference<List<T>> type) throws IOException {
        List<T> all = new ArrayList<>();
        for (HostInfo other : others()) {
            HttpResponse<String> response = forward(other, pathAndQuery, scope);
            if (response.statusCode() == 200) {
                all.addAll(ApiServer.JSON.readValue(response.body(), type));
            }
        }
        return all;
    }

    /** Asks {@code host} the same question for a caller with {@code scope}; 503 without a secret to sign with. */
    HttpResponse<String> forward(HostInfo host, String pathAndQuery, AccessTokens.Scope scope) {
        if (signature == null) {
            throw new ApiException(503, NO_SECRET);
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(scheme + "://" + host.host() + ":" + host.port()
                + pathAndQuery)).timeout(Duration.ofSeconds(10)).GET();
        signature.sign("GET", pathAndQuery, scope).forEach(request::header);
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            // the class tells a refused connection from a TLS failure (SSLHandshakeException: a certificate not
            // trusted, or not naming the host in application.server); the host is not logged
            LOG.warn("forwarding a query to another instance failed ({})", e.getClass().getSimpleName());
            throw new ApiException(502, "the instance owning this tenant did not answer");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ApiException(503, "interrupted");
        }
    }
}
