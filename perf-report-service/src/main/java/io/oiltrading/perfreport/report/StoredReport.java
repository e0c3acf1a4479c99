package io.oiltrading.perfreport.report;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

@Entity
@Table(name = "performance_report")
public class StoredReport extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(length = 20, nullable = false)
    public String kind;

    @Column(name = "period_from", nullable = false)
    public Instant periodFrom;

    @Column(name = "period_to", nullable = false)
    public Instant periodTo;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    /** Each source's state when the report was made, for the listing. */
    @Column(length = 1000, nullable = false)
    public String sources;

    @Column(nullable = false)
    public String content;
}
