package org.vhostuser.spec.registry;

import java.nio.file.Path;

/** Where something was written: a file and a 1-based line and column. */
public record SourcePosition(Path file, int line, int column) {

  /** A position for a whole file, used when no line is known. */
  public static SourcePosition ofFile(Path file) {
    return new SourcePosition(file, 1, 1);
  }
}
