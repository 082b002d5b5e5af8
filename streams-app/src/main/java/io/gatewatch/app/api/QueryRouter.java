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
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.StreamsMetadata;
import org.apache.kafka.streams.state.HostInfo;

/**
 * Finds the instance that owns a tenant (every tenant-keyed store lives on the tenant's
 * partition, so the owner of the minute windows owns them all) and forwards a query to it. With
 * no {@code application.server} set there is one instance and every query is local.
 */
final class QueryRouter {

    static final String FORWARDED = "X-Gatewatch-Forwarded";

    private final KafkaStreams streams;
    private final HostInfo self;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    QueryRouter(KafkaStreams streams, String applicationServer) {
        this.streams = streams;
        this.self = applicationServer == null ? null : HostInfo.buildFromEndpoint(applicationServer);
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
     * credentials; an instance that does not answer 200 adds nothing), for data spread over all.
     */
    <T> List<T> gather(String pathAndQuery, String authorization, TypeReference<List<T>> type) throws IOException {
        List<T> all = new ArrayList<>();
        for (HostInfo other : others()) {
            HttpResponse<String> response = forward(other, pathAndQuery, authorization);
            if (response.statusCode() == 200) {
                all.addAll(ApiServer.JSON.readValue(response.body(), type));
            }
        }
        return all;
    }

    /** Asks {@code host} the same question, with the caller's credentials. */
    HttpResponse<String> forward(HostInfo host, String pathAndQuery, String authorization) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://" + host.host() + ":" + host.port()
                + pathAndQuery)).timeout(Duration.ofSeconds(10)).header(FORWARDED, "true").GET();
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new ApiException(502, "the instance owning this tenant did not answer");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ApiException(503, "interrupted");
        }
    }
}
