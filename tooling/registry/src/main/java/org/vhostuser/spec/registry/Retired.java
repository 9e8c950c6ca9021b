package org.vhostuser.spec.registry;

/** A number that was used once and must never be given to anything else. */
public record Retired(long number, String name, String reason, SourcePosition at) {}
