package io.oiltrading.settlement.run;

/** A contract that cannot be settled now, with the reason recorded and counted. */
public class SettlementException extends RuntimeException {

    private final FailureReason reason;

    public SettlementException(FailureReason reason, String detail) {
        super(detail);
        this.reason = reason;
    }

    public FailureReason reason() {
        return reason;
    }
}
