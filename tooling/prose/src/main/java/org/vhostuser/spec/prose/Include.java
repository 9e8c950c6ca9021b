package org.vhostuser.spec.prose;

import java.nio.file.Path;
import org.vhostuser.spec.registry.SourcePosition;

/** An {@code include::} directive: the file it names, resolved, and where it was written. */
public record Include(Path target, boolean exists, SourcePosition at) {}
