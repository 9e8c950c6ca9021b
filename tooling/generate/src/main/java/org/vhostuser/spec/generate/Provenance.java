package org.vhostuser.spec.generate;

import java.util.Map;

/**
 * Where generated code comes from: the specification revision (a git commit, or "unknown"
 * outside a checkout), the SHA-256 of the registry files, so a vendored copy can be traced and
 * checked, and the release each message and feature first appeared in, keyed as
 * {@code "front-end message NAME"} or {@code "protocol feature NAME"} (empty without tags).
 */
public record Provenance(String revision, String contentSha256, Map<String, String> since) {
  public Provenance {
    since = Map.copyOf(since);
  }

  /** A provenance without release history. */
  public Provenance(String revision, String contentSha256) {
    this(revision, contentSha256, Map.of());
  }

  /** The same provenance with this release history. */
  public Provenance withSince(Map<String, String> releases) {
    return new Provenance(revision, contentSha256, releases);
  }

  /** The first release of an entry, or null. */
  String sinceOf(String kind, String name) {
    return since.get(kind + " " + name);
  }

  /** " Since RELEASE." for doc comments, or nothing. */
  String sinceNote(String kind, String name) {
    String release = sinceOf(kind, name);
    return release == null ? "" : " Since " + release + ".";
  }
}
