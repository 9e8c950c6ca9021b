package org.vhostuser.spec.registry;

/**
 * A breaking change the maintainers approved in {@code accepted-breaks.yaml}: the rule id, the
 * entry it is about, and why the break is worth it.
 */
public record AcceptedBreak(String rule, String entry, String reason, SourcePosition at) {}
