package newsroom.ingest.analysis;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.OptionalLong;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * The analysis backlog as Prometheus gauges: {@code newsroom_ingest_backlog_articles}, the
 * articles accepted and not analysed yet (status ACCEPTED), and
 * {@code newsroom_ingest_backlog_oldest_age_seconds}, how long the oldest of them has waited;
 * beside them {@code newsroom_ingest_reanalysis_articles}, the articles of unfinished
 * re-analyses not re-analysed yet, which wait behind the backlog and never hold back intake.
 *
 * <p>They are the signal to scale nlp-service on (docs/deploy.md): CPU says nlp-service is
 * busy, the backlog says whether it keeps up. The numbers come from one count over the
 * pending-articles index, reused for {@code newsroom.metrics.backlog-cache} so that
 * scrapes from several Prometheus servers or replicas cost one query. Every ingest-service
 * replica reports the same shared backlog: aggregate with max, not sum.
 */
@Startup
@ApplicationScoped
public class AnalysisBacklog {

    private static final Logger LOG = Logger.getLogger(AnalysisBacklog.class);
    // The pending articles are the entries of article_pending_idx (partial: ACCEPTED only).
    // Unfinished re-analyses are few rows: their counts are summed, not their items counted.
    private static final String QUERY = """
            SELECT count(*), coalesce(extract(epoch FROM now() - min(accepted_at)), 0),
                   (SELECT coalesce(sum(total_count - done_count - failed_count), 0)
                    FROM reanalysis_job WHERE finished_at IS NULL)
            FROM article WHERE status = 'ACCEPTED'""";

    /** One reading of the backlog; NaN values when the database could not be asked. */
    record Reading(double articles, double oldestAgeSeconds, double reanalysisArticles, long takenAtNanos) {
    }

    @Inject
    MeterRegistry registry;

    // JDBC, not the EntityManager: the gauges are read on the metrics scrape's thread, where no
    // transaction or request context is active, and one read-only statement needs neither.
    @Inject
    DataSource dataSource;

    @ConfigProperty(name = "newsroom.metrics.backlog-cache")
    Duration cacheFor;

    private volatile Reading last;

    @PostConstruct
    void register() {
        Gauge.builder("newsroom.ingest.backlog.articles", this, backlog -> backlog.current().articles())
                .description("Articles accepted and not analysed yet (shared by all ingest-service replicas)")
                .register(registry);
        Gauge.builder("newsroom.ingest.backlog.oldest.age", this, backlog -> backlog.current().oldestAgeSeconds())
                .description("How long the oldest article not analysed yet has waited (0 when there is none)")
                .baseUnit("seconds")
                .register(registry);
        Gauge.builder("newsroom.ingest.reanalysis.articles", this, backlog -> backlog.current().reanalysisArticles())
                .description("Articles of unfinished re-analyses not re-analysed yet (shared by all replicas)")
                .register(registry);
    }

    /** Articles waiting for analysis, as of at most the cache age ago; empty when the store cannot be asked. */
    public OptionalLong articlesWaiting() {
        double articles = current().articles();
        return Double.isNaN(articles) ? OptionalLong.empty() : OptionalLong.of((long) articles);
    }

    Reading current() {
        Reading reading = last;
        long now = System.nanoTime();
        if (reading == null || now - reading.takenAtNanos() > cacheFor.toNanos()) {
            synchronized (this) {
                reading = last;
                if (reading == null || now - reading.takenAtNanos() > cacheFor.toNanos()) {
                    reading = read(now);
                    last = reading;
                }
            }
        }
        return reading;
    }

    private Reading read(long now) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(QUERY);
             ResultSet result = statement.executeQuery()) {
            result.next();
            return new Reading(result.getLong(1), result.getDouble(2), result.getLong(3), now);
        } catch (SQLException e) {
            LOG.debugf(e, "Could not count the analysis backlog");
            return new Reading(Double.NaN, Double.NaN, Double.NaN, now);
        }
    }
}
