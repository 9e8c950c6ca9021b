package org.vhostuser.spec.registry.load;

import java.nio.file.Path;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.Tag;
import org.vhostuser.spec.registry.SourcePosition;

/** Turns snakeyaml marks (0-based) into source positions (1-based). */
final class Positions {
  private Positions() {}

  static SourcePosition of(Path file, Mark mark) {
    return new SourcePosition(file, mark.getLine() + 1, mark.getColumn() + 1);
  }

  static SourcePosition of(Path file, Node node) {
    return node.getStartMark().map(m -> of(file, m)).orElse(SourcePosition.ofFile(file));
  }

  static boolean isNull(Node node) {
    return node instanceof ScalarNode && Tag.NULL.equals(node.getTag());
  }
}
