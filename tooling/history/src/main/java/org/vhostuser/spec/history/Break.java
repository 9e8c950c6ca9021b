package org.vhostuser.spec.history;

import org.vhostuser.spec.registry.SourcePosition;

/** One finding of a breaking-change rule: which rule, about what, and where in the new revision. */
public record Break(BreakRule rule, Subject subject, String message, SourcePosition at) {}
