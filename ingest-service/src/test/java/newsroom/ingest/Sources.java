package newsroom.ingest;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.quarkus.narayana.jta.QuarkusTransaction;
import java.util.List;
import newsroom.ingest.v1.DeleteSourceRequest;
import newsroom.ingest.v1.FetchSourceRequest;
import newsroom.ingest.v1.FetchSourceResponse;
import newsroom.ingest.v1.GetSourceRequest;
import newsroom.ingest.v1.Source;
import newsroom.ingest.v1.SourceServiceGrpc.SourceServiceBlockingStub;
import newsroom.store.StoredArticle;

/** What the sources' tests do over SourceService and read back from the store. */
final class Sources {

    private Sources() {
    }

    static Source get(SourceServiceBlockingStub sources, long id) {
        return sources.getSource(GetSourceRequest.newBuilder().setId(id).build());
    }

    /** Waits, boundedly, for the poller's first fetch of a new source to be recorded. */
    static Source awaitFirstFetch(SourceServiceBlockingStub sources, long id) {
        Articles.await("a first fetch of source " + id, () -> get(sources, id).hasLastFetchTime());
        return get(sources, id);
    }

    /** FetchSource, again while the poller happens to be fetching the source (ABORTED). */
    static FetchSourceResponse fetchNow(SourceServiceBlockingStub sources, long id) {
        FetchSourceResponse[] response = new FetchSourceResponse[1];
        Articles.await("FetchSource of source " + id, () -> {
            try {
                response[0] = sources.fetchSource(FetchSourceRequest.newBuilder().setId(id).build());
                return true;
            } catch (StatusRuntimeException e) {
                if (e.getStatus().getCode() != Status.Code.ABORTED) {
                    throw e;
                }
                return false;
            }
        });
        return response[0];
    }

    static void delete(SourceServiceBlockingStub sources, long id) {
        sources.deleteSource(DeleteSourceRequest.newBuilder().setId(id).build());
    }

    /** The articles stored from a source, by id. */
    static List<StoredArticle> articlesOf(long sourceId) {
        return QuarkusTransaction.requiringNew().call(() ->
                StoredArticle.<StoredArticle>list("sourceId = ?1 order by id", sourceId));
    }

    /** A row count of a statement written by the tests themselves, never from input. */
    static long count(String sql, Object... parameters) {
        return QuarkusTransaction.requiringNew().call(() -> {
            var query = StoredArticle.getEntityManager().createNativeQuery(sql);
            for (int i = 0; i < parameters.length; i++) {
                query.setParameter(i + 1, parameters[i]);
            }
            return ((Number) query.getSingleResult()).longValue();
        });
    }

    /** Runs a statement written by the tests themselves. */
    static void execute(String sql) {
        QuarkusTransaction.requiringNew().run(() -> StoredArticle.getEntityManager().createNativeQuery(sql)
                .executeUpdate());
    }
}
