package newsroom.ingest.grpc;

import com.google.protobuf.Timestamp;
import java.time.Instant;
import newsroom.ingest.v1.ArticleStatus;
import newsroom.store.ArticleState;

/** Conversions between stored values and their protobuf forms. */
final class ProtoValues {

    private ProtoValues() {
    }

    static ArticleStatus status(ArticleState state) {
        // The store's states share their names with the API's statuses.
        return ArticleStatus.valueOf(state.name());
    }

    static Timestamp timestamp(Instant instant) {
        return Timestamp.newBuilder().setSeconds(instant.getEpochSecond()).setNanos(instant.getNano()).build();
    }
}
