package org.vhostuser.spec.registry;

/** How many file descriptors travel with a request or reply, and what they are. */
public record FdSpec(int min, int max, String what, SourcePosition at) {}
