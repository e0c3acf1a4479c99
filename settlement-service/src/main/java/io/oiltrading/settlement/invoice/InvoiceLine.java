package io.oiltrading.settlement.invoice;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import java.math.BigDecimal;
import java.time.LocalDate;

/** One quote of an invoice's pricing window; estimated when the quote was not published yet. */
@Entity
public class InvoiceLine extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    public long invoiceId;
    public LocalDate quoteDate;
    public BigDecimal price;
    public boolean estimated;
    public String note;
}
