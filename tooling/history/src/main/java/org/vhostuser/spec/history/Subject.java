package org.vhostuser.spec.history;

/**
 * What a change is about: a kind ("front-end message", "payload field", ...) and the name a
 * reviewer and the accepted-breaks file use ({@code VHOST_USER_GET_FEATURES},
 * {@code VhostUserMemoryRegion.guest_address}).
 */
public record Subject(String kind, String name) implements Comparable<Subject> {
  @Override
  public String toString() {
    return kind + " " + name;
  }

  @Override
  public int compareTo(Subject other) {
    int byKind = kind.compareTo(other.kind);
    return byKind != 0 ? byKind : name.compareTo(other.name);
  }
}
