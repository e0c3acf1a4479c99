package io.oiltrading.settlement.calendar;

import io.oiltrading.platform.problem.ProblemException;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

@ApplicationScoped
public class HolidayService {

    private static final Logger LOG = Logger.getLogger(HolidayService.class);

    /** The holidays of one calendar, or of every calendar when none is named. */
    public List<Holiday> list(String calendar) {
        Sort order = Sort.by("calendar").and("date");
        return calendar == null ? Holiday.listAll(order) : Holiday.list("calendar", order, calendar);
    }

    @Transactional
    public Holiday add(HolidayRequest request) {
        if (Holiday.count("calendar = ?1 and date = ?2", request.calendar(), request.date()) > 0) {
            throw ProblemException.conflict("duplicate",
                    request.date() + " is already a holiday of calendar " + request.calendar());
        }
        Holiday holiday = new Holiday();
        holiday.calendar = request.calendar();
        holiday.date = request.date();
        holiday.name = request.name();
        holiday.persist();
        LOG.infof("Holiday %s (%s) added to calendar %s", holiday.date, holiday.name, holiday.calendar);
        return holiday;
    }

    public BusinessDayRoll businessDays(String calendar) {
        return new BusinessDayRoll(list(calendar).stream().map(h -> h.date).collect(Collectors.toSet()));
    }
}
