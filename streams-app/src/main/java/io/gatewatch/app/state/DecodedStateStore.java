package io.gatewatch.app.state;

import java.util.Map;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.streams.processor.StateStore;
import org.apache.kafka.streams.processor.StateStoreContext;
import org.apache.kafka.streams.state.internals.WrappedStateStore;

/**
 * What the decoded-value stores share: the held entries, who may see them, and when they go
 * below. Kafka Streams calls {@code flushCache} on every registered store before it flushes the
 * producer and commits the transaction, so the dirty entries reach RocksDB and the changelog inside
 * that transaction; it calls {@code clearCache} before it restores state behind the store's back,
 * and a dirty close drops them with the transaction they belonged to.
 *
 * @param <HK> the key values are held under
 * @param <HV> the value held
 */
abstract class DecodedStateStore<S extends StateStore, K, V, HK, HV> extends WrappedStateStore<S, K, V> {

    protected final DecodedEntries<HK, HV> held;
    private volatile Thread owner;

    DecodedStateStore(S below, DecodedEntries<HK, HV> held) {
        super(below);
        this.held = held;
    }

    @Override
    public void init(StateStoreContext context, StateStore root) {
        held.clear();
        owner = Thread.currentThread(); // the stream thread that owns the task: it alone processes its records
        super.init(context, root);
    }

    @Override
    public void flushCache() {
        writeBelow();
        super.flushCache();
    }

    @Override
    public void commit(Map<TopicPartition, Long> changelogOffsets) {
        writeBelow(); // as Kafka Streams' own cache: nothing held may miss a commit, whoever calls it
        super.commit(changelogOffsets);
    }

    @Override
    public void clearCache() {
        held.clear();
        super.clearCache();
    }

    @Override
    public void close() {
        held.clear();
        super.close();
    }

    /** Before any read of several values: they come from below, so everything dirty goes there first. */
    protected void writeBelow() {
        if (owned()) {
            held.flush();
        }
    }

    /** Other threads (interactive queries) read below, as of the last commit. */
    protected boolean owned() {
        return Thread.currentThread() == owner;
    }

    protected void requireOwner() {
        if (!owned()) {
            throw new IllegalStateException("store " + name() + " is written only by the stream thread that owns it");
        }
    }
}
