package io.oiltrading.trading.contract;

/** The event payment terms count from: bill of lading, notice of readiness, or completion of delivery. */
public enum PaymentEvent {
    BL, NOR, DELIVERY
}
