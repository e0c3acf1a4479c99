package io.oiltrading.trading.contract;

import io.oiltrading.trading.product.QuantityUnit;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;

/** A physical contract as the API shows it: its current terms, state and delivery. */
public record ContractResponse(
        Long id, ContractStatus status, int version, long lockVersion,
        Direction direction, String product, String counterparty,
        BigDecimal quantity, QuantityUnit quantityUnit, BigDecimal tolerancePercent, ToleranceOption toleranceOption,
        Incoterm incoterm, String loadPort, String dischargePort,
        LocalDate laycanStart, LocalDate laycanEnd, YearMonth deliveryMonth,
        ContractTerms.Pricing pricing, ContractTerms.PaymentTerms paymentTerms,
        String trader, String book,
        LocalDate blDate, BigDecimal blQuantity, DeliveryCorrection pendingCorrection, String cancelReason,
        String createdBy, Instant createdAt, String updatedBy, Instant updatedAt) {

    public static ContractResponse of(PhysicalContract c) {
        return new ContractResponse(c.id, c.status, c.versionNo, c.lockVersion,
                c.direction, c.product.code, c.counterparty.code,
                c.quantity, c.quantityUnit, c.tolerancePercent, c.toleranceOption,
                c.incoterm, c.loadPort, c.dischargePort,
                c.laycanStart, c.laycanEnd, YearMonth.from(c.deliveryMonth),
                pricing(c), new ContractTerms.PaymentTerms(c.paymentEvent, c.paymentDays, c.paymentDayType),
                c.trader, c.book, c.blDate, c.blQuantity, DeliveryCorrection.of(c), c.cancelReason,
                c.createdBy, c.createdAt, c.updatedBy, c.updatedAt);
    }

    /** A B/L correction waiting for a second operator. */
    public record DeliveryCorrection(LocalDate blDate, BigDecimal blQuantity, String reason, String proposedBy) {
        static DeliveryCorrection of(PhysicalContract c) {
            return c.correctionBy == null ? null
                    : new DeliveryCorrection(c.correctionBlDate, c.correctionBlQuantity, c.correctionReason, c.correctionBy);
        }
    }

    static ContractTerms.Pricing pricing(PhysicalContract c) {
        return new ContractTerms.Pricing(c.pricingType, c.fixedPrice, c.priceUnit, c.benchmark, c.windowRule,
                c.windowQuotes, c.missingQuoteRule, c.premium, c.premiumUnit);
    }

    /** The terms part, as stored in each version. */
    static ContractTerms terms(PhysicalContract c) {
        return new ContractTerms(c.direction, c.product.code, c.counterparty.code, c.quantity, c.quantityUnit,
                c.tolerancePercent, c.toleranceOption, c.incoterm, c.loadPort, c.dischargePort, c.laycanStart,
                c.laycanEnd, pricing(c), new ContractTerms.PaymentTerms(c.paymentEvent, c.paymentDays, c.paymentDayType),
                c.trader, c.book);
    }
}
