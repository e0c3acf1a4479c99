package io.oiltrading.perfreport.source;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** The parts of the Prometheus HTTP API (v1) that reports read. */
@RegisterRestClient(configKey = "prometheus")
@Path("/api/v1")
public interface PrometheusApi {

    /** One series: its labels, and one value (instant query) or many (range query) as [unix seconds, "text"]. */
    record Series(Map<String, String> metric, List<Object> value, List<List<Object>> values) {
    }

    record Data(String resultType, List<Series> result) {
    }

    record QueryResponse(String status, Data data, String error) {
    }

    /** An alerting rule's alert as Prometheus holds it: pending (waiting for its for:) or firing. */
    record Alert(Map<String, String> labels, Map<String, String> annotations, String state, String activeAt,
                 String value) {
    }

    record AlertData(List<Alert> alerts) {
    }

    record AlertsResponse(String status, AlertData data) {
    }

    @GET
    @Path("/query")
    QueryResponse query(@QueryParam("query") String query, @QueryParam("time") String time);

    @GET
    @Path("/query_range")
    QueryResponse queryRange(@QueryParam("query") String query, @QueryParam("start") String start,
                             @QueryParam("end") String end, @QueryParam("step") String step);

    @GET
    @Path("/alerts")
    AlertsResponse alerts();
}
