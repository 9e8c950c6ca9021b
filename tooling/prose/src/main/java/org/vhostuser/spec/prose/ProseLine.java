package org.vhostuser.spec.prose;

import java.nio.file.Path;

/**
 * One line of prose text (comments excluded), kept for checks that read the words themselves;
 * {@code verbatim} when it lies in a listing or literal block, where Asciidoctor expands nothing.
 */
public record ProseLine(Path file, int line, String text, boolean verbatim) {}
