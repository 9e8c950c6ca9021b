package org.vhostuser.spec.conform;

import java.nio.file.Path;
import java.util.List;

/**
 * What a reader found in one source: the constants whose values it could read, and those it
 * could not (with where the value starts and why), which matter when they name a protocol entry.
 */
record Reading(List<FoundConstant> constants, List<Unread> unread) {
  Reading {
    constants = List.copyOf(constants);
    unread = List.copyOf(unread);
  }

  /** A constant whose value could not be read. */
  record Unread(String name, String group, Path file, int line, int column, String reason) {}
}
