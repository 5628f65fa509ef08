package newsroom.query.entities;

import newsroom.query.paging.Page;

/** One page of an entity's timeline, oldest period first. */
public record Timeline(EntityIdentity entity, Page<TimelinePeriod> page) {
}
