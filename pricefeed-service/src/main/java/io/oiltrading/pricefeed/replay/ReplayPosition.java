package io.oiltrading.pricefeed.replay;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;

/** The next historical day the replay feed publishes for a benchmark; kept so a restart continues. */
@Entity
@Table(name = "replay_position")
public class ReplayPosition extends PanacheEntityBase {

    @Id
    @Column(name = "benchmark_code", length = 20)
    public String benchmarkCode;

    @Column(name = "next_date", nullable = false)
    public LocalDate nextDate;
}
