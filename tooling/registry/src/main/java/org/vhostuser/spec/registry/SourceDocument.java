package org.vhostuser.spec.registry;

/** A public document the registry's facts follow, pinned to a commit. */
public record SourceDocument(
    String name, String repository, String path, String commit, String note) {}
