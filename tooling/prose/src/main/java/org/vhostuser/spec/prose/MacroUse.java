package org.vhostuser.spec.prose;

import org.vhostuser.spec.registry.SourcePosition;

/** One use of a registry macro in the prose: which macro, its target, and where it was written. */
public record MacroUse(Macro macro, String target, SourcePosition at) {}
