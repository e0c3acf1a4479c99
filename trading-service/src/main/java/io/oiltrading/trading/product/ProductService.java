package io.oiltrading.trading.product;

import io.oiltrading.platform.problem.ProblemException;
import io.oiltrading.trading.audit.AuditLog;
import io.quarkus.panache.common.Sort;
import jakarta.inject.Inject;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import org.jboss.logging.Logger;

@ApplicationScoped
public class ProductService {

    private static final Logger LOG = Logger.getLogger(ProductService.class);

    @Inject
    AuditLog audit;

    public List<Product> list() {
        return Product.listAll(Sort.by("code"));
    }

    public Product get(String code) {
        return Product.findByCode(code).orElseThrow(() -> ProblemException.notFound("Product", code));
    }

    @Transactional
    public Product create(ProductRequest request, String actor) {
        if (Product.findByCode(request.code()).isPresent()) {
            throw ProblemException.conflict("duplicate", "Product " + request.code() + " already exists");
        }
        Product product = new Product();
        product.code = request.code();
        product.name = request.name();
        product.kind = request.kind();
        product.apiGravity = request.apiGravity();
        product.densityKgPerM3 = request.densityKgPerM3();
        product.defaultUnit = request.defaultUnit();
        product.createdAt = Instant.now();
        product.persist();
        Product.getEntityManager().flush();
        audit.record("PRODUCT", product.id, "CREATED", actor, null, ProductResponse.of(product), null);
        LOG.infof("Product %s (%s) added by %s", product.code, product.kind, actor);
        return product;
    }
}
