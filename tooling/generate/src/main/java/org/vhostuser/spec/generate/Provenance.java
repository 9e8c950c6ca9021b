package org.vhostuser.spec.generate;

/**
 * Where generated code comes from: the specification revision (a git commit, or "unknown"
 * outside a checkout) and the SHA-256 of the registry files, so a vendored copy can be traced
 * and checked.
 */
public record Provenance(String revision, String contentSha256) {}
