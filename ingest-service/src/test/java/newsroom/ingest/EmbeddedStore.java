package newsroom.ingest;

import io.quarkus.test.common.QuarkusTestResource;
import newsroom.teststore.LocalPostgresTestResource;

/**
 * Gives every {@code @QuarkusTest} of this module a throw-away PostgreSQL (test-store): the
 * one declaration, for all of them. A test profile that disables the global test resources
 * (a store that is down, a streaming replica) lists its own.
 */
@QuarkusTestResource(value = LocalPostgresTestResource.class, restrictToAnnotatedClass = false)
class EmbeddedStore {
}
