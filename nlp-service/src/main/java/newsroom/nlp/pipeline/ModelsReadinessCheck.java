package newsroom.nlp.pipeline;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready once the CoreNLP models are loaded: /q/health/ready is DOWN until then. */
@Readiness
@ApplicationScoped
public class ModelsReadinessCheck implements HealthCheck {

    @Inject
    CoreNlpPipeline pipeline;

    @Override
    public HealthCheckResponse call() {
        String state = pipeline.isReady() ? "loaded" : pipeline.failure() == null ? "loading" : "failed: " + pipeline.failure();
        return HealthCheckResponse.named("CoreNLP models").status(pipeline.isReady()).withData("models", state).build();
    }
}
