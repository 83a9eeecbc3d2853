package shop.platform.testing;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Import;
import shop.platform.web.ProblemResponses;
import shop.platform.web.StrictJsonInput;

/**
 * What the platform adds to a service's web layer, for a {@code @WebFluxTest} slice of one
 * controller: problem+json answers and strict JSON reading, as in the running service.
 *
 * <pre>{@code
 * @WebFluxTest(ProductController.class)
 * @Import(PlatformWebLayer.class)
 * }</pre>
 */
@TestConfiguration(proxyBeanMethods = false)
@Import({ProblemResponses.class, StrictJsonInput.class})
public class PlatformWebLayer {}
