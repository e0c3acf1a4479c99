package io.oiltrading.settlement.invoice;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/** Money received or paid against an invoice, in the direction of its amount due. */
@Entity
public class Payment extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    public long invoiceId;
    public BigDecimal amountUsd;
    public LocalDate paidOn;
    public String reference;
    public String recordedBy;
    public Instant recordedAt;
}
