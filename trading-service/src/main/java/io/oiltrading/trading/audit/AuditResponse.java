package io.oiltrading.trading.audit;

import com.fasterxml.jackson.annotation.JsonRawValue;
import java.time.Instant;

/** An audit row as the API shows it; before and after are the entity's JSON views. */
public record AuditResponse(Instant at, String actor, String action, String reason,
                            @JsonRawValue String before, @JsonRawValue String after) {

    public static AuditResponse of(AuditEntry e) {
        return new AuditResponse(e.at, e.actor, e.action, e.reason, e.beforeState, e.afterState);
    }
}
