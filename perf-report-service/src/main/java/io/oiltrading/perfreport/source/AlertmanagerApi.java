package io.oiltrading.perfreport.source;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** Alertmanager's API (v2): the alerts it holds, with their routing state. */
@RegisterRestClient(configKey = "alertmanager")
@Path("/api/v2")
public interface AlertmanagerApi {

    record Status(String state, List<String> silencedBy, List<String> inhibitedBy) {
    }

    record Receiver(String name) {
    }

    record Alert(Map<String, String> labels, Map<String, String> annotations, String startsAt, String endsAt,
                 Status status, List<Receiver> receivers, String fingerprint) {
    }

    @GET
    @Path("/alerts")
    List<Alert> alerts();
}
