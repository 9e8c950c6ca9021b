package org.vhostuser.spec.conform;

import java.nio.file.Path;

/**
 * A constant read from an implementation: its name, its value, where it was found, and the
 * group it belongs to (the enum or bitflags type around it, or empty for a lone definition).
 * {@code mask} is true when the value is a bit mask rather than a bit number.
 */
public record FoundConstant(
    String name, long value, String group, boolean mask, Path file, int line) {}
