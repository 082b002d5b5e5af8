package io.gatewatch.app.topology;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.Options;
import org.rocksdb.RocksDB;

/**
 * The RocksDB cap is one budget for all stores: every store's options get the same write buffer
 * manager (memtables charged to the shared block cache), with index and filter blocks inside the
 * cache rather than beside it — what Kafka Streams' own bounded-memory recipe prescribes.
 */
class BoundedRocksDbMemoryTest {

    @Test
    void everyStoreSharesOneWriteBufferManagerAndKeepsIndexesInTheCache() {
        RocksDB.loadLibrary();
        BoundedRocksDbMemory setter = new BoundedRocksDbMemory();
        Map<String, Object> configs = Map.of(BoundedRocksDbMemory.TOTAL_BYTES_CONFIG, Long.toString(64L << 20));
        try (Options dedup = new Options(); Options windows = new Options()) {
            dedup.setTableFormatConfig(new BlockBasedTableConfig());
            windows.setTableFormatConfig(new BlockBasedTableConfig());

            setter.setConfig("dedup-store", dedup, configs);
            setter.setConfig("rule-windows", windows, configs);

            assertThat(dedup.writeBufferManager()).isNotNull().isSameAs(windows.writeBufferManager());
            for (Options options : new Options[] {dedup, windows}) {
                BlockBasedTableConfig table = (BlockBasedTableConfig) options.tableFormatConfig();
                assertThat(table.cacheIndexAndFilterBlocks()).isTrue();
                assertThat(table.cacheIndexAndFilterBlocksWithHighPriority()).isTrue();
                assertThat(table.pinTopLevelIndexAndFilter()).isTrue();
            }
            setter.close("dedup-store", dedup);
            setter.close("rule-windows", windows);
        }
    }
}
