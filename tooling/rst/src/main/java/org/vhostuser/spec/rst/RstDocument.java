package org.vhostuser.spec.rst;

import java.nio.file.Path;
import java.util.List;
import org.vhostuser.spec.registry.Direction;

/**
 * The facts of one vhost-user.rst: its messages of both directions and its protocol features,
 * with the lines of the section headings (0 when a section is absent) and the title of every
 * section, in document order.
 */
public record RstDocument(
    Path file,
    List<RstMessage> frontEnd,
    List<RstMessage> backEnd,
    List<RstFeature> features,
    int frontEndLine,
    int backEndLine,
    int featuresLine,
    List<String> sections) {
  public RstDocument {
    sections = List.copyOf(sections);
    frontEnd = List.copyOf(frontEnd);
    backEnd = List.copyOf(backEnd);
    features = List.copyOf(features);
  }

  /** The messages of one direction. */
  public List<RstMessage> messages(Direction direction) {
    return direction == Direction.FRONT_END ? frontEnd : backEnd;
  }

  /** The line of the section of one direction's messages, or 1 when it has none. */
  public int sectionLine(Direction direction) {
    int line = direction == Direction.FRONT_END ? frontEndLine : backEndLine;
    return line == 0 ? 1 : line;
  }

  /** How many facts-bearing entries the document lists. */
  public int entries() {
    return frontEnd.size() + backEnd.size() + features.size();
  }
}
