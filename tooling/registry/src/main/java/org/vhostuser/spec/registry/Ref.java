package org.vhostuser.spec.registry;

/** A name written in the registry that refers to another entry, with where it was written. */
public record Ref(String name, SourcePosition at) {}
