package newsroom.fetching;

import java.time.Duration;

/** Fetch settings for tests against LocalNewsSite: loopback allowed, short timeouts, a 5 MiB cap. */
final class TestFetchers {

    static final String USER_AGENT = "Newsroom/0.1.0 (+https://newsroom.example/bot)";

    private TestFetchers() {
    }

    static FetchSettings settings(Duration hostDelay) {
        return new FetchSettings(USER_AGENT, hostDelay, Duration.ofSeconds(2), Duration.ofSeconds(2),
                Duration.ofSeconds(3), 5L * 1024 * 1024, 5, AddressPolicy.ANY);
    }

    static PoliteFetcher fetcher() {
        return fetcher(Duration.ZERO);
    }

    static PoliteFetcher fetcher(Duration hostDelay) {
        return new PoliteFetcher(settings(hostDelay), new InMemoryHostPacer());
    }
}
