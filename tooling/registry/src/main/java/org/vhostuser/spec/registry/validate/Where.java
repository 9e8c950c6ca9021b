package org.vhostuser.spec.registry.validate;

import org.vhostuser.spec.registry.SourcePosition;

/** Describes another position relative to the one being reported: "line 12" or "file:12". */
final class Where {
  private Where() {}

  static String of(SourcePosition other, SourcePosition here) {
    if (other.file().equals(here.file())) {
      return "line " + other.line();
    }
    return other.file() + ":" + other.line();
  }
}
