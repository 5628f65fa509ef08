package newsroom.query;

import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;

/**
 * The shape of a test that reads the {@link TestStore}: the store is written before the
 * first test of the run, and {@link #fixture} holds the ids of what it holds.
 */
public abstract class StoreFixtureTest {

    @Inject
    protected TestStore store;

    protected TestStore.Fixture fixture;

    @BeforeEach
    void writeStore() {
        fixture = store.fixture();
    }
}
