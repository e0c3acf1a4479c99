package io.oiltrading.risk.limit;

import io.oiltrading.platform.problem.ProblemException;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import org.jboss.logging.Logger;

@ApplicationScoped
public class LimitService {

    private static final Logger LOG = Logger.getLogger(LimitService.class);

    public List<RiskLimit> list() {
        return RiskLimit.listAll(Sort.by("name"));
    }

    @Transactional
    public RiskLimit create(LimitRequest request) {
        if (RiskLimit.findByName(request.name()).isPresent()) {
            throw ProblemException.conflict("duplicate", "Limit " + request.name() + " already exists");
        }
        RiskLimit limit = new RiskLimit();
        limit.name = request.name();
        apply(limit, request);
        limit.persist();
        LOG.infof("Limit %s (%s) set to %s", limit.name, limit.kind, limit.threshold);
        return limit;
    }

    /** Changes an existing limit; its name stays. */
    @Transactional
    public RiskLimit update(String name, LimitRequest request) {
        RiskLimit limit = RiskLimit.findByName(name).orElseThrow(() -> ProblemException.notFound("Limit", name));
        if (!name.equals(request.name())) {
            throw ProblemException.unprocessable("name-mismatch", "The body names limit " + request.name()
                    + " but the path names " + name);
        }
        apply(limit, request);
        LOG.infof("Limit %s (%s) changed to %s", limit.name, limit.kind, limit.threshold);
        return limit;
    }

    private static void apply(RiskLimit limit, LimitRequest request) {
        limit.kind = request.kind();
        limit.scope = request.scope();
        limit.threshold = request.threshold();
        limit.updatedAt = Instant.now();
    }
}
