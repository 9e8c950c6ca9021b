package org.vhostuser.spec.registry;

import java.nio.file.Path;
import java.util.List;

/** All requests of one direction, and the ids that direction has retired. */
public record MessageTable(
    Direction direction, List<Message> messages, List<Retired> retired, Path file) {
  public MessageTable {
    messages = List.copyOf(messages);
    retired = List.copyOf(retired);
  }
}
