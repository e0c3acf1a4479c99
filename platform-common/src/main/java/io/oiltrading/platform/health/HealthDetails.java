package io.oiltrading.platform.health;

import java.util.Map;

/**
 * Implemented by a service to add business facts to {@code /health/detailed}: counts (active contracts, quotes
 * today…) and short lists (stale benchmarks). Never identifiers of single deals, never secrets.
 */
public interface HealthDetails {

    Map<String, Object> details();
}
