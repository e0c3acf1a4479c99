package io.oiltrading.risk.stress;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.oiltrading.platform.problem.ProblemException;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.List;
import java.util.Map;

/** Stored user-defined stress scenarios. */
@ApplicationScoped
public class StressScenarios {

    @Inject
    ObjectMapper json;

    @Inject
    Clock clock;

    /** A scenario: a shock per factor (benchmark code), in USD/bbl or percent. */
    public record Scenario(String name, String description, StressScenario.ShockType shockType,
                           Map<String, BigDecimal> shocks) {
    }

    public List<Scenario> list() {
        return StressScenario.<StressScenario>listAll(Sort.by("name")).stream().map(this::view).toList();
    }

    @Transactional
    public Scenario create(Scenario request) {
        if (StressScenario.count("name", request.name()) > 0) {
            throw ProblemException.conflict("duplicate", "Scenario " + request.name() + " already exists");
        }
        StressScenario s = new StressScenario();
        s.name = request.name();
        s.description = request.description();
        s.shockType = request.shockType();
        try {
            s.shocks = json.writeValueAsString(request.shocks());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        s.createdAt = clock.instant();
        s.persist();
        return view(s);
    }

    private Scenario view(StressScenario s) {
        try {
            return new Scenario(s.name, s.description, s.shockType, json.readValue(s.shocks, new TypeReference<>() { }));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("scenario " + s.name + " is unreadable", e);
        }
    }
}
