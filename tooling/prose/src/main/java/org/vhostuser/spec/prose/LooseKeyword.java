package org.vhostuser.spec.prose;

import org.vhostuser.spec.registry.SourcePosition;

/** An RFC 2119 keyword in upper case written outside any rule, and where. */
public record LooseKeyword(String keyword, SourcePosition at) {}
