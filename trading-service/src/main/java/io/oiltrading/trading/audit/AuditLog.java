package io.oiltrading.trading.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;

/** Writes audit rows; it must run inside the transaction of the change it records. */
@ApplicationScoped
public class AuditLog {

    @Inject
    ObjectMapper json;

    /** The state of an entity as the audit trail keeps it: its API view, as JSON. */
    public String snapshot(Object view) {
        try {
            return view == null ? null : json.writeValueAsString(view);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("audit snapshot failed", e);
        }
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void record(String entityType, Long entityId, String action, String actor, String before, Object after,
                       String reason) {
        AuditEntry entry = new AuditEntry();
        entry.entityType = entityType;
        entry.entityId = entityId;
        entry.action = action;
        entry.actor = actor;
        entry.at = Instant.now();
        entry.beforeState = before;
        entry.afterState = snapshot(after);
        entry.reason = reason;
        entry.persist();
    }
}
