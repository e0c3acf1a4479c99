package io.oiltrading.platform.telemetry;

import io.micrometer.core.instrument.binder.MeterBinder;
import io.micrometer.core.instrument.binder.jvm.DiskSpaceMetrics;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.io.File;

/** {@code disk_free_bytes} and {@code disk_total_bytes} of the file system the service works in (its logs go there). */
@Singleton
public class DiskSpace {

    @Produces
    @Singleton
    MeterBinder workingDirectory() {
        return new DiskSpaceMetrics(new File(".").getAbsoluteFile());
    }
}
