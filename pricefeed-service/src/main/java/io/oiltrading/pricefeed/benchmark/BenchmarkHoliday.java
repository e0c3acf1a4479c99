package io.oiltrading.pricefeed.benchmark;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.Objects;

/** A weekday on which a benchmark is not published. */
@Entity
@Table(name = "benchmark_holiday")
@IdClass(BenchmarkHoliday.Key.class)
public class BenchmarkHoliday extends PanacheEntityBase {

    @Id
    @Column(name = "benchmark_id")
    public Long benchmarkId;

    @Id
    @Column(name = "holiday_date")
    public LocalDate date;

    @Column(length = 100, nullable = false)
    public String name;

    /** Primary key: benchmark and day. */
    public static class Key implements Serializable {
        public Long benchmarkId;
        public LocalDate date;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(benchmarkId, k.benchmarkId) && Objects.equals(date, k.date);
        }

        @Override
        public int hashCode() {
            return Objects.hash(benchmarkId, date);
        }
    }
}
