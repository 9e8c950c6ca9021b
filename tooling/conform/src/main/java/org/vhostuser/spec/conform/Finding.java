package org.vhostuser.spec.conform;

import java.nio.file.Path;

/** One difference between an implementation and the registry. */
public record Finding(
    Kind kind, String entry, String table, String found, Long expected, Long actual, Path file,
    int line, String detail) {

  /** What kind of difference it is, from most to least serious. */
  public enum Kind {
    /** The implementation gives an entry another number: the two cannot interoperate. */
    NUMBER_DIFFERS,
    /** Another value than a number differs: an ioctl or a payload (compare-rst only). */
    VALUE_DIFFERS,
    /**
     * A limit the implementation sets otherwise (a receiver accepting more descriptors): not a
     * wire incompatibility by itself, so it fails only with --strict.
     */
    LIMIT_DIFFERS,
    /** The registry has an entry the implementation does not define. */
    MISSING,
    /** The implementation defines something the registry does not have. */
    EXTRA,
    /** The same entry under another name: an old name, or another prefix or case. */
    SPELLING
  }
}
