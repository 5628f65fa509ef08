package newsroom.cli.output;

import com.google.protobuf.MessageOrBuilder;
import java.util.function.Consumer;

/** How a command shows a service's reply: with {@code --json} as proto3 JSON, else as people read it. */
public final class Reply {

    private Reply() {
    }

    public static <M extends MessageOrBuilder> void print(boolean json, M reply, Consumer<M> forPeople) {
        if (json) {
            System.out.println(ProtoJson.print(reply));
        } else {
            forPeople.accept(reply);
        }
    }
}
