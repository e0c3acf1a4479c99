package io.oiltrading.settlement.run;

import io.oiltrading.settlement.calendar.HolidayService;
import io.oiltrading.settlement.calendar.PaymentTermsCalendar;
import io.oiltrading.settlement.client.PricefeedClient;
import io.oiltrading.settlement.client.Sources;
import io.oiltrading.settlement.client.TradingClient;
import io.oiltrading.settlement.config.SettlementConfig;
import io.oiltrading.settlement.pricing.InvoiceArithmetic;
import io.oiltrading.settlement.pricing.PriceUnit;
import io.oiltrading.settlement.pricing.PricingWindow;
import io.opentelemetry.instrumentation.annotations.WithSpan;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Prices a delivered contract from its terms and the stored quotes; every figure is computed here, none is taken
 * from a client. Publication days are the days with a quote up to the benchmark's latest quote, the days whose
 * quote is under review (quarantined in pricefeed-service), and the benchmark's expected publication days
 * (weekdays that are not its holidays) after the latest quote. A day not published yet is estimated with the latest
 * quote; a day under review with the last accepted quote before it (or its version in force, for a correction under
 * review), so the invoice stays provisional until the quote is decided. A weekday before the latest quote with no
 * quote at all was not a publication day (EIA series simply omit holidays).
 */
@ApplicationScoped
public class ContractPricer {

    /** Calendar days fetched either side of the B/L date: more than 31 publication days plus holidays. */
    static final int HISTORY_MARGIN_DAYS = 70;

    @Inject
    Sources sources;

    @Inject
    HolidayService holidays;

    @Inject
    SettlementConfig config;

    @WithSpan("ContractPricer.price")
    public PricedContract price(TradingClient.Contract contract) {
        if (contract.blDate() == null || contract.blQuantity() == null) {
            throw new SettlementException(FailureReason.INVALID_CONTRACT, "contract " + contract.id() + " has no B/L date and quantity");
        }
        if (!"BL".equals(contract.paymentTerms().event())) {
            throw new SettlementException(FailureReason.INVALID_CONTRACT, "payment terms count from "
                    + contract.paymentTerms().event() + ", whose date trading-service does not record; only BL can be settled");
        }
        if (!InvoiceArithmetic.withinTolerance(contract.quantity(), contract.tolerancePercent(), contract.blQuantity())) {
            throw new SettlementException(FailureReason.TOLERANCE_BREACH, "B/L quantity " + contract.blQuantity().toPlainString()
                    + " " + contract.quantityUnit() + " is outside " + contract.quantity().toPlainString() + " ± "
                    + contract.tolerancePercent().toPlainString() + " %; operations must agree the quantity before invoicing");
        }
        BigDecimal barrelsPerTonne = sources.product(contract.product())
                .orElseThrow(() -> new SettlementException(FailureReason.INVALID_CONTRACT,
                        "product " + contract.product() + " is unknown to trading-service"))
                .barrelsPerTonne();
        TradingClient.Pricing pricing = contract.pricing();
        int scale = InvoiceArithmetic.priceScale(config.unitPriceDecimals(), pricing.fixedPrice(), pricing.premium());
        List<PricedContract.Line> lines;
        BigDecimal average;
        BigDecimal premium;
        PriceUnit priceUnit;
        if ("FIXED".equals(pricing.type())) {
            lines = List.of();
            average = null;
            premium = null;
            priceUnit = pricing.priceUnit();
        } else {
            PricefeedClient.Benchmark benchmark = sources.benchmark(pricing.benchmark())
                    .orElseThrow(() -> new SettlementException(FailureReason.INVALID_CONTRACT,
                            "benchmark " + pricing.benchmark() + " is unknown to pricefeed-service"));
            lines = windowLines(contract, benchmark.code());
            average = InvoiceArithmetic.average(lines.stream().map(PricedContract.Line::price).toList(), scale);
            priceUnit = benchmark.unit();
            premium = InvoiceArithmetic.convertPrice(pricing.premium(), pricing.premiumUnit(), priceUnit, barrelsPerTonne, scale);
        }
        BigDecimal unitPrice = average == null ? pricing.fixedPrice().setScale(scale, RoundingMode.HALF_UP) : average.add(premium);
        BigDecimal quantity = InvoiceArithmetic.convertQuantity(contract.blQuantity(), contract.quantityUnit(),
                priceUnit.quantityUnit(), barrelsPerTonne);
        LocalDate due = PaymentTermsCalendar.dueDate(contract.blDate(), contract.paymentTerms().days(),
                "BUSINESS".equals(contract.paymentTerms().dayType()), holidays.businessDays(config.paymentCalendar()));
        return new PricedContract(contract, lines, average, premium, unitPrice, priceUnit, quantity, due,
                InvoiceArithmetic.amount(unitPrice, quantity));
    }

    private List<PricedContract.Line> windowLines(TradingClient.Contract contract, String benchmark) {
        PricefeedClient.Quote latest = sources.latestQuote(benchmark)
                .orElseThrow(() -> new SettlementException(FailureReason.MISSING_QUOTES,
                        benchmark + " has no quotes; the window can be neither priced nor estimated"));
        LocalDate bl = contract.blDate();
        PricefeedClient.History history = sources.history(benchmark, bl.minusDays(HISTORY_MARGIN_DAYS), bl.plusDays(HISTORY_MARGIN_DAYS));
        TreeMap<LocalDate, PricefeedClient.Quote> quotes = history.quotes().stream()
                .collect(Collectors.toMap(PricefeedClient.Quote::date, Function.identity(), (a, b) -> b, TreeMap::new));
        TreeSet<LocalDate> publicationDays = new TreeSet<>(quotes.keySet());
        Set<LocalDate> underReview = Set.copyOf(history.quarantinedDays());
        publicationDays.addAll(underReview);
        history.missingPublicationDays().stream().filter(d -> d.isAfter(latest.date())).forEach(publicationDays::add);
        TradingClient.Pricing pricing = contract.pricing();
        List<LocalDate> window;
        try {
            window = PricingWindow.select(publicationDays, bl, pricing.windowRule(), pricing.windowQuotes(),
                    pricing.missingQuoteRule());
        } catch (PricingWindow.NotEnoughDays e) {
            throw new SettlementException(FailureReason.MISSING_QUOTES, benchmark + ": " + e.getMessage());
        }
        List<PricedContract.Line> lines = new ArrayList<>(window.size());
        for (LocalDate day : window) {
            PricefeedClient.Quote q = quotes.get(day);
            if (underReview.contains(day)) {
                lines.add(underReview(benchmark, day, q, quotes));
            } else if (q != null) {
                lines.add(new PricedContract.Line(day, q.price(), false, q.version() > 1 ? "corrected, version " + q.version() : null));
            } else {
                lines.add(new PricedContract.Line(day, latest.price(), true, "estimate: latest quote, of " + latest.date()));
            }
        }
        return lines;
    }

    /** A day whose quote waits for a decision in pricefeed-service: estimated, never skipped (notes fit 100 chars). */
    private static PricedContract.Line underReview(String benchmark, LocalDate day, PricefeedClient.Quote inForce,
                                                   TreeMap<LocalDate, PricefeedClient.Quote> quotes) {
        if (inForce != null) {
            return new PricedContract.Line(day, inForce.price(), true,
                    "estimate: correction under review (quarantined); version " + inForce.version() + " in force is used");
        }
        Map.Entry<LocalDate, PricefeedClient.Quote> before = quotes.lowerEntry(day);
        if (before == null) {
            throw new SettlementException(FailureReason.MISSING_QUOTES, "the " + benchmark + " quote of " + day
                    + " is quarantined in pricefeed-service (under review) and no accepted quote precedes it;"
                    + " the window can be neither priced nor estimated");
        }
        return new PricedContract.Line(day, before.getValue().price(), true,
                "estimate: quote under review (quarantined); last accepted quote, of " + before.getKey());
    }
}
