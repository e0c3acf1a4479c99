package io.oiltrading.settlement.calendar;

import io.oiltrading.platform.security.Roles;
import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Authenticated
@Path("/api/settlement/holidays")
@Tag(name = "Payment calendars")
@Produces(MediaType.APPLICATION_JSON)
public class HolidayResource {

    @Inject
    HolidayService holidays;

    /** A holiday as the API shows it. */
    public record HolidayResponse(String calendar, LocalDate date, String name) {

        static HolidayResponse of(Holiday h) {
            return new HolidayResponse(h.calendar, h.date, h.name);
        }
    }

    @GET
    @Operation(summary = "Holidays of one payment calendar, or of all")
    public List<HolidayResponse> list(@QueryParam("calendar") @Pattern(regexp = "[A-Z0-9_]{2,20}") String calendar) {
        return holidays.list(calendar).stream().map(HolidayResponse::of).toList();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Add a holiday to a payment calendar")
    @RolesAllowed({Roles.ADMIN})
    public Response add(@Valid @NotNull HolidayRequest request) {
        return Response.status(Response.Status.CREATED).entity(HolidayResponse.of(holidays.add(request))).build();
    }
}
