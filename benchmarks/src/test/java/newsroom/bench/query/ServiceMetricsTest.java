package newsroom.bench.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Reading query-service's replica metrics out of Prometheus's text format. */
class ServiceMetricsTest {

    private static final ServiceMetrics.Scrape SCRAPE = new ServiceMetrics.Scrape("""
            # HELP newsroom_query_reads_total Calls answered, by the store that answered them
            # TYPE newsroom_query_reads_total counter
            newsroom_query_reads_total{store="primary"} 12.0
            newsroom_query_reads_total{service="query",store="replica"} 30.0
            newsroom_query_reads_total_created{store="primary"} 1.7E9
            # TYPE newsroom_query_replica_in_use gauge
            newsroom_query_replica_in_use 1.0
            newsroom_query_replica_lag_seconds NaN
            newsroom_query_replica_lag_seconds_max 3.5
            """);

    @Test
    void aSampleIsFoundByNameAndLabels() {
        assertEquals(30.0, SCRAPE.value("newsroom_query_reads_total", "store=\"replica\""));
        assertEquals(12.0, SCRAPE.value("newsroom_query_reads_total", "store=\"primary\""));
        assertEquals(1.0, SCRAPE.value("newsroom_query_replica_in_use"));
    }

    @Test
    void samplesMatchingTheLabelsAreSummedAndLongerNamesAreOtherMetrics() {
        assertEquals(42.0, SCRAPE.value("newsroom_query_reads_total"));
    }

    @Test
    void anAbsentOrUnknownValueIsNaN() {
        assertTrue(Double.isNaN(SCRAPE.value("newsroom_query_replica_lag_seconds")));
        assertTrue(Double.isNaN(SCRAPE.value("newsroom_query_reads_total", "store=\"elsewhere\"")));
        assertTrue(Double.isNaN(SCRAPE.value("newsroom_query_no_such_metric")));
    }
}
