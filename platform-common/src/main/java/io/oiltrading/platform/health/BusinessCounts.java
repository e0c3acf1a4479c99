package io.oiltrading.platform.health;

import java.util.Map;

/**
 * Implemented by a service to add its business counts (active contracts, quotes today…) to
 * {@code /health/detailed}. Counts only: never identifiers, never secrets.
 */
public interface BusinessCounts {

    Map<String, Long> counts();
}
