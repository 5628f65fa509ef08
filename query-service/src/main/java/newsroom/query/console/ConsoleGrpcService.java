package newsroom.query.console;

import com.google.protobuf.Timestamp;
import io.quarkus.grpc.GrpcService;
import io.quarkus.grpc.RegisterInterceptor;
import io.smallrye.mutiny.Uni;
import newsroom.auth.Caller;
import newsroom.query.v1.ConsoleService;
import newsroom.query.v1.CreateSignInLinkRequest;
import newsroom.query.v1.SignInLink;

/** ConsoleService: one-time sign-in links for the calling key ({@link SignInLinks}). */
@GrpcService
@RegisterInterceptor(CallerKeyHash.class)
public class ConsoleGrpcService implements ConsoleService {

    private final SignInLinks links;

    ConsoleGrpcService(SignInLinks links) {
        this.links = links;
    }

    @Override
    public Uni<SignInLink> createSignInLink(CreateSignInLinkRequest request) {
        // With authentication off there is no caller and no key: the link just opens the console.
        String keyHash = Caller.CURRENT.get() == null ? SignInLinks.NO_KEY : CallerKeyHash.CURRENT.get();
        SignInLinks.Link link = links.issue(keyHash == null ? SignInLinks.NO_KEY : keyHash);
        return Uni.createFrom().item(SignInLink.newBuilder()
                .setPath(link.path())
                .setExpireTime(Timestamp.newBuilder().setSeconds(link.expireTime().getEpochSecond()))
                .build());
    }
}
