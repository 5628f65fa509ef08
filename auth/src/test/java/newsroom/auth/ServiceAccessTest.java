package newsroom.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ServiceAccessTest {

    @Test
    void aMethodWithoutARuleOfItsOwnTakesItsServicesRole() {
        assertEquals(Optional.of(new ServiceAccess.Rule("newsroom.ingest.v1.IngestService", Set.of(Role.WRITER))),
                ServiceAccess.ruleFor("newsroom.ingest.v1.IngestService/StartReanalysis"));
        assertEquals(Optional.of(new ServiceAccess.Rule("newsroom.query.v1.QueryService", Set.of(Role.READER))),
                ServiceAccess.ruleFor("newsroom.query.v1.QueryService/SearchArticles"));
        assertEquals(Optional.of(new ServiceAccess.Rule("newsroom.nlp.v1.NlpService", Set.of(Role.ANALYZER))),
                ServiceAccess.ruleFor("newsroom.nlp.v1.NlpService/AnalyzeDocument"));
    }

    @Test
    void followingAReanalysisTakesAReaderAsWellAsAWriter() {
        assertEquals(Optional.of(new ServiceAccess.Rule("newsroom.ingest.v1.IngestService/GetReanalysis",
                        Set.of(Role.WRITER, Role.READER))),
                ServiceAccess.ruleFor("newsroom.ingest.v1.IngestService/GetReanalysis"));
    }

    @Test
    void changingSourcesTakesAWriterAndLookingAtThemAReaderToo() {
        for (String method : new String[] {"AddSource", "PauseSource", "ResumeSource", "DeleteSource", "FetchSource"}) {
            assertEquals(Optional.of(new ServiceAccess.Rule("newsroom.ingest.v1.SourceService", Set.of(Role.WRITER))),
                    ServiceAccess.ruleFor("newsroom.ingest.v1.SourceService/" + method), method);
        }
        for (String method : new String[] {"ListSources", "GetSource", "DiscoverSources"}) {
            String fullName = "newsroom.ingest.v1.SourceService/" + method;
            assertEquals(Optional.of(new ServiceAccess.Rule(fullName, Set.of(Role.WRITER, Role.READER))),
                    ServiceAccess.ruleFor(fullName), method);
        }
    }

    @Test
    void retentionTakesAWriterEvenForADryRun() {
        assertEquals(Optional.of(new ServiceAccess.Rule("newsroom.ingest.v1.RetentionService", Set.of(Role.WRITER))),
                ServiceAccess.ruleFor("newsroom.ingest.v1.RetentionService/ApplyRetention"));
    }

    @Test
    void anUnknownServiceIsClosedAndHealthIsOpen() {
        assertTrue(ServiceAccess.ruleFor("newsroom.admin.v1.AdminService/DropEverything").isEmpty());
        assertTrue(ServiceAccess.isOpen("grpc.health.v1.Health"));
        assertTrue(!ServiceAccess.isOpen("newsroom.ingest.v1.IngestService"));
    }
}
