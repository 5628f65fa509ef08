package newsroom.nlp.quotes;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import newsroom.nlp.entities.DocumentEntity;
import newsroom.nlp.entities.EntityMention;
import newsroom.nlp.entities.EntityType;
import newsroom.nlp.entities.MentionKind;
import newsroom.nlp.text.Dependency;
import newsroom.nlp.text.Sentence;
import newsroom.nlp.text.Token;

/**
 * The coreference stage: which entity each speaker reference refers to,
 * reading the document in order and keeping track of the person it is
 * about.
 * <ul>
 * <li>A <b>name</b> is its entity (a person, organization or place).</li>
 * <li>A singular <b>pronoun</b> ("he", "she", "I") is the last named person
 * subject earlier in its sentence, else the person most recently established
 * as a subject or speaker, else the person named last before it.</li>
 * <li>A <b>role phrase</b> ("the Russian foreign minister") is the person the
 * text described with those words (a title before their name, or an earlier
 * role mention); a title nobody was described with ("the Vermont senator") is
 * the person the text is currently about. A common noun a person's or
 * organization's name modifies ({@code the IMF report stated}, {@code Trump's
 * campaign said}) speaks for that name, unless a role phrase of the text uses
 * the noun.</li>
 * <li>A <b>plural or coordinated</b> subject ("both countries vowed") has no
 * single speaker: no entity rather than a guess.</li>
 * <li>A proper noun no entity holds keeps its words as the speaker.</li>
 * <li>A quote that <b>continues</b> the previous one has its speaker.</li>
 * </ul>
 * A pronoun or role phrase resolved to an entity becomes a mention of it
 * (PRONOMINAL or NOMINAL), so readers of the analysis see which "he" is whom.
 */
public final class SpeakerCoreference {

    private static final Set<String> SINGULAR_PRONOUNS = Set.of("he", "she", "i");
    /** What a noun phrase holds besides its head, for the words of a speaker no entity holds. */
    private static final Set<String> NOUN_PHRASE_PARTS = Set.of("det", "amod", "compound", "nummod", "case", "flat",
            "nmod", "conj", "cc", "advmod", "appos");
    private static final int NOUN_PHRASE_WORDS = 20;
    /** Nouns that stand for an organization named before ("the company said"), never for a person. */
    private static final Set<String> ORGANIZATION_NOUNS = Set.of("company", "firm", "newspaper", "paper", "daily",
            "group", "campaign", "agency", "ministry", "department", "committee", "organization", "organisation",
            "bank", "network", "union", "party", "administration", "court", "council", "board", "commission",
            "office", "institute", "university", "foundation", "association", "publication", "magazine", "station",
            "channel", "outlet", "team", "club", "corporation", "airline", "retailer", "insurer", "lender",
            "manufacturer", "maker", "carrier", "regulator", "watchdog", "charity", "coalition", "alliance");
    /** How many sentences back "it" or "the company" looks for the organization. */
    private static final int ORGANIZATION_REACH = 3;

    public List<AttributedQuote> resolve(QuoteContext context, List<AttributionCandidate> candidates,
            List<SpeakerReference> references) {
        return new Run(context).resolveAll(candidates, references);
    }

    private static final class Run {
        final QuoteContext context;
        final List<Token> tokens;
        final Map<DocumentEntity, List<RoleReference>> roles = new HashMap<>();
        DocumentEntity salientPerson;

        Run(QuoteContext context) {
            this.context = context;
            this.tokens = context.tokens;
            for (DocumentEntity entity : context.entities()) {
                for (EntityMention m : entity.mentions()) {
                    List<Token> covered = context.covered(m.begin(), m.end());
                    if (m.kind() == MentionKind.NAME && entity.type() == EntityType.PERSON && !covered.isEmpty()) {
                        addTitleBefore(entity, covered.get(0));
                    } else if (m.kind() == MentionKind.NOMINAL && entity.type() == EntityType.PERSON) {
                        addRole(entity, m.begin(), covered);
                    }
                }
            }
        }

        /** "Foreign Minister" before "Shah Mahmood Qureshi" describes him. */
        private void addTitleBefore(DocumentEntity entity, Token first) {
            List<Token> title = new ArrayList<>();
            for (int i = first.index() - 1; i >= 0 && tokens.get(i).sentence() == first.sentence(); i--) {
                String ner = tokens.get(i).ner();
                if (!ner.equals("TITLE") && !ner.equals("NATIONALITY")) {
                    break;
                }
                title.add(0, tokens.get(i));
            }
            if (!title.isEmpty()) {
                addRole(entity, title.get(0).begin(), title);
            }
        }

        private void addRole(DocumentEntity entity, int position, List<Token> words) {
            Set<String> keys = new HashSet<>();
            words.stream().filter(t -> t.isNoun() || t.isAdjective()).forEach(t -> keys.add(t.key()));
            if (!keys.isEmpty()) {
                roles.computeIfAbsent(entity, e -> new ArrayList<>()).add(new RoleReference(position, keys));
            }
        }

        List<AttributedQuote> resolveAll(List<AttributionCandidate> candidates, List<SpeakerReference> references) {
            List<AttributedQuote> attributed = new ArrayList<>(candidates.size());
            AttributedQuote previousQuote = null;
            int next = 0;
            for (Sentence sentence : context.parsed.sentences()) {
                DocumentEntity lastSpeaker = null;
                while (next < candidates.size() && context.sentenceAt(candidates.get(next).begin()) <= sentence.index()) {
                    AttributionCandidate candidate = candidates.get(next);
                    AttributedQuote quote = attribute(candidate, references.get(next), previousQuote);
                    attributed.add(quote);
                    DocumentEntity speaker = quote.speakerEntityId().isEmpty() ? null : context.entity(quote.speakerEntityId());
                    if (speaker != null && speaker.type() == EntityType.PERSON) {
                        lastSpeaker = speaker;
                    }
                    if (!candidate.quotes().isEmpty()) {
                        previousQuote = quote;
                    }
                    next++;
                }
                DocumentEntity subject = context.lastNamedPersonSubjectEntity(sentence, Integer.MAX_VALUE);
                if (subject != null) {
                    salientPerson = subject;
                } else if (lastSpeaker != null) {
                    salientPerson = lastSpeaker;
                }
            }
            return attributed;
        }

        private AttributedQuote attribute(AttributionCandidate candidate, SpeakerReference reference,
                AttributedQuote previous) {
            Speaker speaker = speaker(candidate, reference, previous);
            return new AttributedQuote(context.parsed.span(candidate.begin(), candidate.end()), candidate.begin(),
                    candidate.end(), speaker.entity == null ? "" : speaker.entity.id(),
                    speaker.entity == null ? speaker.words : speaker.entity.name(), speaker.cue,
                    speaker.entity == null ? null : speaker.mention, candidate.form());
        }

        private Speaker speaker(AttributionCandidate candidate, SpeakerReference reference, AttributedQuote previous) {
            String cue = reference.cue().lemma();
            if (reference instanceof SpeakerReference.Continuing continuing) {
                if (previous != null && continues(continuing.cue(), previous)) {
                    return previous.speakerEntityId().isEmpty()
                            ? new Speaker(null, previous.speaker(), "", null)
                            : new Speaker(context.entity(previous.speakerEntityId()), "", "", null);
                }
                return speaker(candidate, continuing.otherwise(), previous);
            }
            if (reference instanceof SpeakerReference.Named named) {
                return new Speaker(context.nameEntity(named.name()), "", cue, null);
            }
            if (reference instanceof SpeakerReference.Words words) {
                return new Speaker(null, words.words(), cue, null);
            }
            if (reference instanceof SpeakerReference.Subject subjectReference) {
                Token subject = subjectReference.subject();
                Sentence sentence = context.sentence(subject.sentence());
                DocumentEntity entity = resolve(sentence, subject, candidate.outerBegin());
                if (entity == null && subject.tag().startsWith("NNP") && !context.isPlural(sentence, subject)) {
                    return new Speaker(null, properNoun(sentence, subject), cue, null);
                }
                if (entity == null && subject.isNoun()) {
                    // "Fellow Republicans said", "a federal judge ruled": no single entity, but the
                    // reader still learns who it was.
                    return new Speaker(null, nounPhrase(sentence, subject), cue, null);
                }
                Token written = subjectReference.written();
                EntityMention mention = written != subject
                        ? new EntityMention(written.word(), written.begin(), written.end(), MentionKind.PRONOMINAL)
                        : referringMention(sentence, subject);
                return new Speaker(entity, "", cue, mention);
            }
            return new Speaker(null, "", cue, null);
        }

        /**
         * A quote with no cue continues the previous one when that has a
         * speaker and they are adjacent, or share a paragraph with no other
         * named person as subject in between.
         */
        private boolean continues(Cue.Continuation cue, AttributedQuote previous) {
            if (previous.speakerEntityId().isEmpty() && previous.speaker().isEmpty()) {
                return false;
            }
            if (cue.adjacent()) {
                return true;
            }
            return cue.sameParagraph() && cue.subjectsBetween().stream()
                    .allMatch(t -> context.nameEntity(t).id().equals(previous.speakerEntityId()));
        }

        private DocumentEntity resolve(Sentence sentence, Token subject, int position) {
            if (context.isPlural(sentence, subject)) {
                return null;
            }
            DocumentEntity named = context.nameEntity(subject);
            if (named != null) {
                return QuoteContext.SPEAKER_TYPES.contains(named.type()) ? named : null;
            }
            if (subject.tag().startsWith("PRP") && SINGULAR_PRONOUNS.contains(subject.word().toLowerCase())) {
                DocumentEntity sameSentence = context.lastNamedPersonSubjectEntity(sentence, subject.index());
                if (sameSentence != null) {
                    return sameSentence;
                }
                return salientPerson != null ? salientPerson : nearestPersonBefore(subject.index());
            }
            if (subject.tag().startsWith("PRP") && subject.word().equalsIgnoreCase("it")) {
                return organizationBefore(subject); // "the ministry ... it said"
            }
            DocumentEntity speaksFor = nameModifying(sentence, subject);
            if (speaksFor != null) {
                return speaksFor;
            }
            if (subject.isNoun() && ORGANIZATION_NOUNS.contains(subject.key())) {
                return organizationBefore(subject); // "the company said" is the company named before
            }
            if (subject.isNoun()) {
                return byRole(roleWords(sentence, subject), position, subject.ner().equals("TITLE"));
            }
            return null;
        }

        /**
         * "The IMF report stated", "Trump's campaign said": a common-noun
         * subject that a person's or organization's name modifies speaks for
         * them, when no role phrase in the text says who it is.
         */
        private DocumentEntity nameModifying(Sentence sentence, Token subject) {
            if (!subject.isNoun() || subject.tag().startsWith("NNP") || roles.values().stream().flatMap(List::stream)
                    .anyMatch(r -> r.words().contains(subject.key()))) {
                return null;
            }
            for (Dependency d : sentence.dependentsOf(subject.index())) {
                if (d.dependent() < subject.index() && (d.relation().equals("compound") || d.relation().equals("nmod:poss"))) {
                    DocumentEntity named = context.nameEntity(d.dependent());
                    if (named != null && (named.type() == EntityType.PERSON || named.type() == EntityType.ORGANIZATION)) {
                        return named;
                    }
                }
            }
            return null;
        }

        /**
         * The organization an "it" or "the company" refers to: the one named
         * last before it, in its sentence or the few before; none when no
         * organization is named that close.
         */
        private DocumentEntity organizationBefore(Token reference) {
            int firstSentence = Math.max(0, reference.sentence() - ORGANIZATION_REACH);
            for (int i = reference.index() - 1; i >= 0 && tokens.get(i).sentence() >= firstSentence; i--) {
                DocumentEntity entity = context.nameEntity(i);
                if (entity != null && entity.type() == EntityType.ORGANIZATION) {
                    return entity;
                }
            }
            return null;
        }

        /** The person named last before a token: the antecedent when no one has been a subject yet. */
        private DocumentEntity nearestPersonBefore(int token) {
            for (int i = token - 1; i >= 0; i--) {
                DocumentEntity entity = context.nameEntity(i);
                if (entity != null && entity.type() == EntityType.PERSON) {
                    return entity;
                }
            }
            return null;
        }

        private Set<String> roleWords(Sentence sentence, Token head) {
            Set<String> words = new HashSet<>();
            words.add(head.key());
            for (Dependency d : sentence.dependentsOf(head.index())) {
                if (d.relation().startsWith("amod") || d.relation().startsWith("compound")) {
                    words.add(tokens.get(d.dependent()).key());
                }
            }
            return words;
        }

        /**
         * The person a role phrase refers to: the salient person when the text
         * has described them with those words (or never described them at all
         * and nobody else fits), else the person described so most recently; a
         * title that fits nobody, the salient person.
         */
        private DocumentEntity byRole(Set<String> words, int before, boolean title) {
            if (salientPerson != null && describedAs(salientPerson, words, before)) {
                return salientPerson;
            }
            DocumentEntity best = null;
            int bestPosition = -1;
            for (var entry : roles.entrySet()) {
                for (RoleReference r : entry.getValue()) {
                    if (r.position() < before && r.position() > bestPosition && r.words().containsAll(words)) {
                        best = entry.getKey();
                        bestPosition = r.position();
                    }
                }
            }
            // A title nobody was described with ("the Vermont senator") is the person the text is about.
            if (best == null && salientPerson != null && (title || !roles.containsKey(salientPerson))) {
                return salientPerson;
            }
            return best;
        }

        private boolean describedAs(DocumentEntity person, Set<String> words, int before) {
            return roles.getOrDefault(person, List.of()).stream()
                    .anyMatch(r -> r.position() < before && r.words().containsAll(words));
        }

        /** The words of a proper-noun subject NER did not recognise: the head with its compound parts. */
        private String properNoun(Sentence sentence, Token head) {
            int first = head.index();
            for (Dependency d : sentence.dependentsOf(head.index())) {
                if (d.dependent() < first && d.relation().startsWith("compound") && tokens.get(d.dependent()).tag().startsWith("NNP")) {
                    first = d.dependent();
                }
            }
            return context.parsed.span(tokens.get(first).begin(), head.end());
        }

        /**
         * The words of a common-noun subject: its head with the determiners,
         * modifiers, possessors and "of" phrases before and right after it,
         * as one stretch of text ("Several former RT journalists", "lawyers for
         * both Donald and Ivana Trump"); relative clauses and appositions left out.
         */
        private String nounPhrase(Sentence sentence, Token head) {
            int first = head.index();
            int last = head.index();
            java.util.ArrayDeque<Integer> stack = new java.util.ArrayDeque<>(List.of(head.index()));
            int visited = 0;
            while (!stack.isEmpty() && visited++ < NOUN_PHRASE_WORDS) {
                int at = stack.pop();
                for (Dependency d : sentence.dependentsOf(at)) {
                    String relation = d.relation();
                    if (NOUN_PHRASE_PARTS.contains(relation.split(":")[0]) || relation.equals("nmod:poss")) {
                        first = Math.min(first, d.dependent());
                        last = Math.max(last, d.dependent());
                        stack.push(d.dependent());
                    }
                }
            }
            while (last > first && tokens.get(last).isPunctuation()) {
                last--;
            }
            return context.parsed.span(tokens.get(first).begin(), tokens.get(last).end());
        }

        /** The subject as a mention of its speaker when it is a pronoun or a role phrase, not a name. */
        private EntityMention referringMention(Sentence sentence, Token subject) {
            if (context.nameEntity(subject) != null) {
                return null;
            }
            if (subject.tag().startsWith("PRP")) {
                return new EntityMention(subject.word(), subject.begin(), subject.end(), MentionKind.PRONOMINAL);
            }
            if (!subject.isNoun()) {
                return null;
            }
            int first = subject.index();
            for (Dependency d : sentence.dependentsOf(subject.index())) {
                String relation = d.relation();
                if (d.dependent() < first && (relation.startsWith("det") || relation.startsWith("amod")
                        || relation.startsWith("compound") || relation.startsWith("nmod:poss"))) {
                    first = d.dependent();
                }
            }
            int begin = tokens.get(first).begin();
            return new EntityMention(context.parsed.span(begin, subject.end()), begin, subject.end(), MentionKind.NOMINAL);
        }
    }

    /** Who said a candidate: an entity, or (entity null) the words of a name no entity holds, possibly empty. */
    private record Speaker(DocumentEntity entity, String words, String cue, EntityMention mention) {
    }

    private record RoleReference(int position, Set<String> words) {
    }
}
