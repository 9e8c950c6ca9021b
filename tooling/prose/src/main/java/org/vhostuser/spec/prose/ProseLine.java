package org.vhostuser.spec.prose;

import java.nio.file.Path;

/** One line of prose text (comments excluded), kept for checks that read the words themselves. */
public record ProseLine(Path file, int line, String text) {}
