package newsroom.cli.query;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import newsroom.cli.NewsroomCommand;
import newsroom.cli.UserError;
import newsroom.cli.grpc.Pages;
import newsroom.cli.output.Listing;
import newsroom.cli.output.Table;
import newsroom.nlp.v1.Event;
import newsroom.query.v1.EntityRef;
import newsroom.query.v1.EventRecord;
import newsroom.query.v1.ListEventsRequest;
import newsroom.query.v1.ListEventsResponse;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code newsroom events --entity ID}: what an entity did, with whom, where and when. */
@Command(name = "events", mixinStandardHelpOptions = true,
        description = "Lists the events an entity took part in (met, visited, discussed, agreed, criticized,"
                + " announced), latest first, by type and by the events' own dates.")
public class EventsCommand implements Callable<Integer> {

    @ParentCommand
    NewsroomCommand newsroom;

    @Option(names = "--entity", paramLabel = "ID", required = true,
            description = "The entity, as an actor or a participant.")
    long entityId;

    @Option(names = "--type", paramLabel = "TYPE",
            description = "Only events of this type: meet, visit, discuss, agree, criticize or announce.")
    String type;

    @Option(names = "--from", paramLabel = "DATE",
            description = "Only events dated on or after DATE (undated events: their article's publication).")
    String from;

    @Option(names = "--to", paramLabel = "DATE", description = "Only events dated before DATE.")
    String to;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "50", description = "At most N events (default: ${DEFAULT-VALUE}).")
    int limit;

    @Option(names = "--json", description = "Print a ListEventsResponse with all events as proto3 JSON.")
    boolean json;

    @Override
    public Integer call() {
        Limit.check(limit);
        Event.Type only = type == null ? Event.Type.TYPE_UNSPECIFIED : parseType(type);
        ListEventsResponse.Builder all = ListEventsResponse.newBuilder();
        try (QueryChannel query = QueryChannel.open(newsroom)) {
            ListEventsResponse last = Pages.collect(limit, Limit.MAX_PAGE_SIZE, (pageSize, pageToken) -> {
                ListEventsRequest.Builder request = ListEventsRequest.newBuilder()
                        .setEntityId(entityId)
                        .setType(only)
                        .setPageSize(pageSize)
                        .setPageToken(pageToken);
                TimeBound.setRange(from, to, request::setStartTime, request::setEndTime);
                return query.call(stub -> stub.listEvents(request.build()));
            }, ListEventsResponse::getEventsList, ListEventsResponse::getNextPageToken, all::addAllEvents);
            all.setNextPageToken(last.getNextPageToken());
        }
        Listing.print(json, all, all.getEventsList(), "No events found.",
                new Table("WHEN", "TYPE", "ACTORS", "WITH", "WHERE", "ARTICLE", "TOPIC"),
                (EventRecord event) -> new Object[] {when(event), event.getType().name().toLowerCase(Locale.ROOT),
                    names(event.getActorsList()), names(event.getParticipantsList()),
                    event.hasLocation() ? event.getLocation().getName() : "", event.getArticle().getId(),
                    event.getTopic()});
        return 0;
    }

    /** {@code --type}'s value, in any case. */
    static Event.Type parseType(String value) {
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "meet" -> Event.Type.MEET;
            case "visit" -> Event.Type.VISIT;
            case "discuss" -> Event.Type.DISCUSS;
            case "agree" -> Event.Type.AGREE;
            case "criticize" -> Event.Type.CRITICIZE;
            case "announce" -> Event.Type.ANNOUNCE;
            default -> throw new UserError(
                    "--type: must be meet, visit, discuss, agree, criticize or announce, not '" + value + "'");
        };
    }

    // The event's date as the article gave it ("2021-04", "2021-W14"); an undated event shows the
    // publication day it is placed on, marked as such.
    static String when(EventRecord event) {
        return event.getDate().isEmpty()
                ? TimeBound.day(event.getEventTime()) + " (published)"
                : event.getDate();
    }

    private static String names(List<EntityRef> entities) {
        return entities.stream().map(EntityRef::getName).collect(Collectors.joining(", "));
    }
}
