package newsroom.ingest.sources;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import newsroom.fetching.AddressPolicy;
import newsroom.fetching.FetchSettings;
import newsroom.fetching.PoliteFetcher;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The one {@link PoliteFetcher} of the process, so that its robots.txt cache is shared by every
 * fetch; its host slots are in PostgreSQL ({@link PostgresHostPacer}), shared by every replica.
 * (Singletons, not application-scoped: the fetching module's final classes take no client proxy.)
 */
@ApplicationScoped
public class FetcherProducer {

    @Produces
    @Singleton
    PoliteFetcher fetcher(SourcesConfig config, AddressPolicy addresses, PostgresHostPacer pacer,
                          @ConfigProperty(name = "quarkus.application.version", defaultValue = "dev") String version) {
        // Site operators read the user agent in their logs: the contact URL says who we are.
        String userAgent = "Newsroom/" + version + " (+" + config.contactUrl() + ")";
        return new PoliteFetcher(new FetchSettings(userAgent, config.hostDelay(), config.maxCrawlDelay(),
                config.connectTimeout(), config.requestTimeout(), config.maxBodyBytes(), config.maxRedirects(),
                addresses), pacer);
    }

    /**
     * The addresses sources may point at, checked by AddSource and at every fetch and redirect:
     * public ones only, unless the deployment allows internal ones (the local run, tests).
     */
    @Produces
    @Singleton
    AddressPolicy addressPolicy(SourcesConfig config) {
        return config.allowPrivateAddresses() ? AddressPolicy.ANY : AddressPolicy.PUBLIC_ONLY;
    }
}
