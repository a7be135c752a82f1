package dev.emporium.platform.messaging.deadletter;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import dev.emporium.contracts.EventEnvelope;
import dev.emporium.contracts.Topics;
import dev.emporium.platform.messaging.EventEnvelopeJson;
import dev.emporium.platform.messaging.MessagingDatabase;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.support.KafkaHeaders;

/**
 * Lists the records on a topic's dead-letter topic and sends them back to the topic, one or all.
 *
 * <p>A replayed record keeps its key, value and headers (less the dead-letter diagnostics) and goes to the partition
 * it failed on, so it queues up behind the same aggregate's events as before. Consumers see the same event id again:
 * their inbox decides whether the effect already happened. Replays are remembered in {@code dead_letter_replay}, so
 * that replaying all skips what was replayed before; a record named explicitly is always sent.
 */
public final class DeadLetters {

    /** Header naming the dead letter a replayed record came from, {@code <dead-letter topic>/<partition>/<offset>}. */
    public static final String REPLAYED_FROM = "emporium-replayed-from";

    /** At most this many records are read from one dead-letter topic for one request. */
    static final int MAX_RECORDS = 10_000;

    private final DeadLetterKafka kafka;

    private final JdbcClient jdbc;

    private final String replayTable;

    private final Duration timeout;

    DeadLetters(DeadLetterKafka kafka, MessagingDatabase database, Duration timeout) {
        this.kafka = kafka;
        this.jdbc = JdbcClient.create(database.dataSource());
        this.replayTable = database.table("dead_letter_replay");
        this.timeout = timeout;
    }

    /** The dead-letter topic of a domain topic. */
    public static String deadLetterTopic(String topic) {
        return Topics.dlt(topic);
    }

    /**
     * The first {@code limit} records on the topic's dead-letter topic.
     *
     * @throws IllegalArgumentException for a topic that is not one of the platform's domain topics
     */
    public DeadLetterList list(String topic, int limit) {
        String deadLetterTopic = requireDomainTopic(topic);
        if (limit < 1 || limit > 1000) {
            throw new IllegalArgumentException("limit must be between 1 and 1000, was " + limit);
        }
        List<ConsumerRecord<byte[], byte[]>> records = readAll(deadLetterTopic);
        Map<ReplayResult.Position, Instant> replays = replays(deadLetterTopic);
        List<DeadLetter> view = records.stream().limit(limit)
                .map(record -> view(record, replays.get(position(record)))).toList();
        return new DeadLetterList(topic, deadLetterTopic, records.size(), view);
    }

    /**
     * Sends one dead letter back to its topic.
     *
     * @throws DeadLetterNotFoundException when there is no record at that place
     */
    public ReplayResult replay(String topic, int partition, long offset) {
        String deadLetterTopic = requireDomainTopic(topic);
        ConsumerRecord<byte[], byte[]> record = readOne(deadLetterTopic, partition, offset);
        send(topic, record);
        return new ReplayResult(topic, List.of(position(record)), 0);
    }

    /** Sends every dead letter of the topic that was not replayed before back to it, oldest first per partition. */
    public ReplayResult replayAll(String topic) {
        String deadLetterTopic = requireDomainTopic(topic);
        Map<ReplayResult.Position, Instant> replays = replays(deadLetterTopic);
        List<ReplayResult.Position> replayed = new ArrayList<>();
        int skipped = 0;
        for (ConsumerRecord<byte[], byte[]> record : readAll(deadLetterTopic)) {
            if (replays.containsKey(position(record))) {
                skipped++;
                continue;
            }
            send(topic, record);
            replayed.add(position(record));
        }
        return new ReplayResult(topic, replayed, skipped);
    }

    private void send(String topic, ConsumerRecord<byte[], byte[]> deadLetter) {
        RecordHeaders headers = new RecordHeaders();
        for (Header header : deadLetter.headers()) {
            if (!header.key().startsWith("kafka_dlt-") && !header.key().startsWith("springDeserializerException")
                    && !header.key().equals(REPLAYED_FROM)) {
                headers.add(header);
            }
        }
        headers.add(REPLAYED_FROM, (deadLetter.topic() + "/" + deadLetter.partition() + "/" + deadLetter.offset())
                .getBytes(StandardCharsets.UTF_8));
        Integer partition = intHeader(deadLetter, KafkaHeaders.DLT_ORIGINAL_PARTITION);
        ProducerRecord<Object, Object> record = new ProducerRecord<>(topic, partition, deadLetter.key(),
                deadLetter.value(), headers);
        try {
            kafka.template().send(record).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        }
        catch (ExecutionException | TimeoutException ex) {
            throw new IllegalStateException("Could not replay " + deadLetter.topic() + "/" + deadLetter.partition()
                    + "/" + deadLetter.offset() + " to " + topic + ": " + ex, ex);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while replaying to " + topic, ex);
        }
        jdbc.sql("""
                insert into %s (dead_letter_topic, kafka_partition, kafka_offset) values (:topic, :partition, :offset)
                on conflict (dead_letter_topic, kafka_partition, kafka_offset) do update set replayed_at = now()
                """.formatted(replayTable))
                .param("topic", deadLetter.topic())
                .param("partition", deadLetter.partition())
                .param("offset", deadLetter.offset())
                .update();
    }

    private List<ConsumerRecord<byte[], byte[]>> readAll(String deadLetterTopic) {
        try (Consumer<byte[], byte[]> reader = kafka.reader()) {
            List<TopicPartition> partitions = partitions(reader, deadLetterTopic);
            reader.assign(partitions);
            reader.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = reader.endOffsets(partitions, timeout);
            List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
            long deadline = System.nanoTime() + timeout.toNanos();
            while (!atEnd(reader, end)) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("Could not read " + deadLetterTopic + " to its end within "
                            + timeout);
                }
                for (ConsumerRecord<byte[], byte[]> record : reader.poll(Duration.ofMillis(200))) {
                    if (record.offset() < end.get(new TopicPartition(record.topic(), record.partition()))
                            && records.size() < MAX_RECORDS) {
                        records.add(record);
                    }
                }
            }
            records.sort(Comparator.<ConsumerRecord<byte[], byte[]>>comparingInt(ConsumerRecord::partition)
                    .thenComparingLong(ConsumerRecord::offset));
            return records;
        }
    }

    private ConsumerRecord<byte[], byte[]> readOne(String deadLetterTopic, int partition, long offset) {
        try (Consumer<byte[], byte[]> reader = kafka.reader()) {
            TopicPartition place = new TopicPartition(deadLetterTopic, partition);
            if (partitions(reader, deadLetterTopic).stream().noneMatch(place::equals) || offset < 0) {
                throw new DeadLetterNotFoundException(deadLetterTopic, partition, offset);
            }
            reader.assign(List.of(place));
            long end = reader.endOffsets(List.of(place), timeout).get(place);
            if (offset >= end) {
                throw new DeadLetterNotFoundException(deadLetterTopic, partition, offset);
            }
            reader.seek(place, offset);
            long deadline = System.nanoTime() + timeout.toNanos();
            while (System.nanoTime() < deadline && reader.position(place) < end) {
                for (ConsumerRecord<byte[], byte[]> record : reader.poll(Duration.ofMillis(200))) {
                    if (record.offset() == offset) {
                        return record;
                    }
                    if (record.offset() > offset) {
                        // Compacted or deleted: the offset no longer holds a record.
                        throw new DeadLetterNotFoundException(deadLetterTopic, partition, offset);
                    }
                }
            }
            throw new DeadLetterNotFoundException(deadLetterTopic, partition, offset);
        }
    }

    private List<TopicPartition> partitions(Consumer<byte[], byte[]> reader, String topic) {
        List<PartitionInfo> infos = reader.partitionsFor(topic, timeout);
        if (infos == null || infos.isEmpty()) {
            throw new IllegalStateException("Dead-letter topic " + topic + " does not exist");
        }
        return infos.stream().map(info -> new TopicPartition(topic, info.partition())).toList();
    }

    private static boolean atEnd(Consumer<byte[], byte[]> reader, Map<TopicPartition, Long> end) {
        return end.entrySet().stream().allMatch(entry -> reader.position(entry.getKey()) >= entry.getValue());
    }

    private Map<ReplayResult.Position, Instant> replays(String deadLetterTopic) {
        Map<ReplayResult.Position, Instant> replays = new HashMap<>();
        jdbc.sql("select kafka_partition, kafka_offset, replayed_at from " + replayTable
                + " where dead_letter_topic = :topic")
                .param("topic", deadLetterTopic)
                .query((rs, row) -> replays.put(new ReplayResult.Position(rs.getInt("kafka_partition"),
                        rs.getLong("kafka_offset")), rs.getObject("replayed_at", OffsetDateTime.class).toInstant()))
                .list();
        return replays;
    }

    private static DeadLetter view(ConsumerRecord<byte[], byte[]> record, @Nullable Instant replayedAt) {
        String value = utf8(record.value());
        String eventId = text(record, "event-id");
        String eventType = text(record, "event-type");
        if (value != null && (eventId == null || eventType == null)) {
            try {
                EventEnvelope envelope = EventEnvelopeJson.plain().read(value);
                eventId = envelope.id().toString();
                eventType = envelope.type();
            }
            catch (IllegalArgumentException ex) {
                // Not an envelope: that may be exactly why it is here.
            }
        }
        return new DeadLetter(record.partition(), record.offset(), Instant.ofEpochMilli(record.timestamp()),
                utf8(record.key()), text(record, KafkaHeaders.DLT_ORIGINAL_TOPIC),
                intHeader(record, KafkaHeaders.DLT_ORIGINAL_PARTITION),
                longHeader(record, KafkaHeaders.DLT_ORIGINAL_OFFSET),
                text(record, KafkaHeaders.DLT_EXCEPTION_FQCN), text(record, KafkaHeaders.DLT_EXCEPTION_CAUSE_FQCN),
                text(record, KafkaHeaders.DLT_EXCEPTION_MESSAGE),
                eventId, eventType, value,
                value == null && record.value() != null ? Base64.getEncoder().encodeToString(record.value()) : null,
                replayedAt);
    }

    private static ReplayResult.Position position(ConsumerRecord<?, ?> record) {
        return new ReplayResult.Position(record.partition(), record.offset());
    }

    private static String requireDomainTopic(String topic) {
        if (topic == null || !Topics.DOMAIN.contains(topic)) {
            throw new IllegalArgumentException("Unknown topic '" + topic + "'; dead letters exist for "
                    + Topics.DOMAIN);
        }
        return deadLetterTopic(topic);
    }

    private static @Nullable String text(ConsumerRecord<byte[], byte[]> record, String header) {
        Header last = record.headers().lastHeader(header);
        return last == null ? null : utf8(last.value());
    }

    private static @Nullable Integer intHeader(ConsumerRecord<byte[], byte[]> record, String header) {
        Header last = record.headers().lastHeader(header);
        return last == null || last.value().length != Integer.BYTES ? null : ByteBuffer.wrap(last.value()).getInt();
    }

    private static @Nullable Long longHeader(ConsumerRecord<byte[], byte[]> record, String header) {
        Header last = record.headers().lastHeader(header);
        return last == null || last.value().length != Long.BYTES ? null : ByteBuffer.wrap(last.value()).getLong();
    }

    private static @Nullable String utf8(byte @Nullable [] bytes) {
        if (bytes == null) {
            return null;
        }
        try {
            CharBuffer text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes));
            return text.toString();
        }
        catch (CharacterCodingException ex) {
            return null;
        }
    }
}
