package io.gatewatch.app.topology;

import java.util.Map;
import org.apache.kafka.streams.state.RocksDBConfigSetter;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.Cache;
import org.rocksdb.LRUCache;
import org.rocksdb.Options;
import org.rocksdb.RocksDB;
import org.rocksdb.WriteBufferManager;

/**
 * Caps RocksDB memory for all stores of the process together: one block cache shared by every
 * store, with memtables charged to it through a write buffer manager. Without this each store
 * (and each window segment) allocates its own cache and memtables, and memory grows with
 * partitions and segments instead of staying at the configured figure.
 */
public final class BoundedRocksDbMemory implements RocksDBConfigSetter {

    static final String TOTAL_BYTES_CONFIG = "gatewatch.rocksdb.memory.bytes";
    private static final double WRITE_BUFFER_SHARE = 0.5;
    private static final double HIGH_PRIORITY_SHARE = 0.1;

    private static Cache cache;
    private static WriteBufferManager writeBufferManager;

    private static synchronized void initialise(long totalBytes) {
        if (cache == null) {
            RocksDB.loadLibrary();
            cache = new LRUCache(totalBytes, -1, false, HIGH_PRIORITY_SHARE);
            writeBufferManager = new WriteBufferManager((long) (totalBytes * WRITE_BUFFER_SHARE), cache);
        }
    }

    @Override
    public void setConfig(String storeName, Options options, Map<String, Object> configs) {
        Object configured = configs.get(TOTAL_BYTES_CONFIG);
        initialise(configured == null ? 256L << 20 : Long.parseLong(configured.toString()));
        BlockBasedTableConfig table = (BlockBasedTableConfig) options.tableFormatConfig();
        table.setBlockCache(cache);
        table.setCacheIndexAndFilterBlocks(true);
        table.setCacheIndexAndFilterBlocksWithHighPriority(true);
        table.setPinTopLevelIndexAndFilter(true);
        options.setWriteBufferManager(writeBufferManager);
        options.setTableFormatConfig(table);
    }

    @Override
    public void close(String storeName, Options options) {
        // the cache and write buffer manager are shared by every store: never closed per store
    }
}
