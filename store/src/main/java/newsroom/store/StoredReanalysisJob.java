package newsroom.store;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A re-analysis of the articles of a publication-time range (V12 migration). Its articles
 * are {@code reanalysis_item} rows; the counts are kept by whoever finishes an item, in the
 * item's transaction.
 */
@Entity
@Table(name = "reanalysis_job")
public class StoredReanalysisJob extends PanacheEntityBase {

    @Id
    public Long id;

    /** Inclusive; null when the range has no start. */
    @Column(name = "range_start")
    public Instant rangeStart;

    /** Exclusive; null when the range has no end. */
    @Column(name = "range_end")
    public Instant rangeEnd;

    @Column(name = "total_count")
    public long totalCount;

    @Column(name = "done_count")
    public long doneCount;

    @Column(name = "failed_count")
    public long failedCount;

    @Column(name = "created_at")
    public Instant createdAt;

    /** Null while items are pending. */
    @Column(name = "finished_at")
    public Instant finishedAt;
}
