package newsroom.cli.output;

import com.google.protobuf.MessageOrBuilder;
import java.util.List;
import java.util.function.Function;

/**
 * How a listing command ends: with {@code --json} the whole response as proto3 JSON, else a
 * sentence saying there is nothing, else a table of one row an item.
 */
public final class Listing {

    private Listing() {
    }

    /** Prints {@code items} as rows of {@code table}, made by {@code row}, or {@code none} when there are none. */
    public static <T> void print(boolean json, MessageOrBuilder response, List<T> items, String none, Table table,
                                 Function<T, Object[]> row) {
        Reply.print(json, response, forPeople -> {
            if (items.isEmpty()) {
                System.out.println(none);
                return;
            }
            for (T item : items) {
                table.row(row.apply(item));
            }
            table.print(System.out);
        });
    }
}
