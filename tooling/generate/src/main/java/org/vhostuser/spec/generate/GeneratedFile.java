package org.vhostuser.spec.generate;

/** One generated output: its file name and its complete content. */
public record GeneratedFile(String name, String content) {}
