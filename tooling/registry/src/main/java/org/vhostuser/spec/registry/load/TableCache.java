package org.vhostuser.spec.registry.load;

import java.nio.ByteBuffer;
import java.util.HashMap;
import java.util.Map;

/**
 * Tables already read, by file name and exact content, so loading many revisions of the
 * registry (a changelog over fifty tags) reads each version of each file once. Only tables read
 * without any diagnostic are kept. Not thread-safe: one cache per thread.
 */
public final class TableCache {
  private final Map<String, Map<ByteBuffer, Object>> tables = new HashMap<>();

  Object get(String file, byte[] bytes) {
    return tables.getOrDefault(file, Map.of()).get(ByteBuffer.wrap(bytes));
  }

  void put(String file, byte[] bytes, Object table) {
    tables.computeIfAbsent(file, f -> new HashMap<>()).put(ByteBuffer.wrap(bytes.clone()), table);
  }
}
