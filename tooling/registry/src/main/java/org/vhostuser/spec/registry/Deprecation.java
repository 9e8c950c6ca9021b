package org.vhostuser.spec.registry;

/** Why an entry is deprecated and what replaces it; either may be absent, not both. */
public record Deprecation(String reason, Ref replacement, SourcePosition at) {}
