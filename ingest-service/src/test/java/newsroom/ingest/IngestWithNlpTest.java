package newsroom.ingest;

import io.quarkus.grpc.GrpcClient;
import io.quarkus.grpc.GrpcService;
import jakarta.inject.Inject;
import newsroom.ingest.v1.IngestServiceGrpc;

/**
 * The shape of a test that submits articles as a client does and watches them analysed: the
 * ingest client, and the NLP service the worker calls ({@link NameSpottingNlpService}), whose
 * calls the test counts and whose failures its texts script.
 */
abstract class IngestWithNlpTest {

    @GrpcClient("ingest")
    IngestServiceGrpc.IngestServiceBlockingStub ingest;

    @Inject
    @GrpcService
    NameSpottingNlpService nlp;
}
