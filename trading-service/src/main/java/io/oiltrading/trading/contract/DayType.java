package io.oiltrading.trading.contract;

/** Whether payment days are calendar days or business days. */
public enum DayType {
    CALENDAR, BUSINESS
}
