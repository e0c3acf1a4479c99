package io.oiltrading.trading.product;

import io.oiltrading.platform.api.ActingUser;
import io.oiltrading.platform.security.Roles;
import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Authenticated
@Path("/api/products")
@Tag(name = "Products")
@Produces(MediaType.APPLICATION_JSON)
public class ProductResource {

    @Inject
    ProductService products;

    @Inject
    ActingUser user;

    @GET
    @Operation(summary = "All products, by code")
    public List<ProductResponse> list() {
        return products.list().stream().map(ProductResponse::of).toList();
    }

    @GET
    @Path("/{code}")
    @Operation(summary = "One product")
    public ProductResponse get(@PathParam("code") String code) {
        return ProductResponse.of(products.get(code));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Add a product; its code must be new")
    @RolesAllowed({Roles.ADMIN})
    public Response create(@Valid @NotNull ProductRequest request) {
        Product product = products.create(request, user.name());
        return Response.created(URI.create("/api/products/" + product.code)).entity(ProductResponse.of(product)).build();
    }
}
