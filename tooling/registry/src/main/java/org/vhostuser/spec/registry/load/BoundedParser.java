package org.vhostuser.spec.registry.load;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import org.snakeyaml.engine.v2.events.AliasEvent;
import org.snakeyaml.engine.v2.events.Event;
import org.snakeyaml.engine.v2.events.NodeEvent;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.parser.Parser;
import org.vhostuser.spec.registry.Code;

/**
 * Passes on the events of a YAML parser while holding the document to the limits of a registry
 * file: nesting depth, entries per list or mapping, nodes in all, no anchors or aliases, and no
 * list or mapping as a key.
 * The composer that builds the node tree recurses once per level, so the depth limit is what
 * keeps a deeply nested file from exhausting the stack; each limit stops at the event that
 * crosses it, with its position.
 */
final class BoundedParser implements Parser {
  /** Registry tables nest about eight levels deep. */
  static final int MAX_DEPTH = 50;
  /** The largest table has a few hundred entries. */
  static final int MAX_ENTRIES = 10_000;
  /** The whole registry holds a few tens of thousands of nodes. */
  static final int MAX_NODES = 100_000;

  /** A limit crossed, or an anchor or alias met, at {@code mark}. */
  static final class Exceeded extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient Optional<Mark> mark;
    private final transient Code code;

    Exceeded(Optional<Mark> mark, Code code, String message) {
      super(message, null, false, false);
      this.mark = mark;
      this.code = code;
    }

    Optional<Mark> mark() {
      return mark;
    }

    Code code() {
      return code;
    }
  }

  private final Parser parser;
  /** One list or mapping not closed yet, and how many entries it holds so far. */
  private static final class Open {
    final boolean mapping;
    int nodes; // keys and values count separately in a mapping

    Open(boolean mapping) {
      this.mapping = mapping;
    }

    int entries() {
      return mapping ? (nodes + 1) / 2 : nodes;
    }
  }

  private final Deque<Open> open = new ArrayDeque<>();
  private int nodes;

  BoundedParser(Parser parser) {
    this.parser = parser;
  }

  @Override
  public boolean checkEvent(Event.ID id) {
    return parser.checkEvent(id);
  }

  @Override
  public Event peekEvent() {
    return parser.peekEvent();
  }

  @Override
  public boolean hasNext() {
    return parser.hasNext();
  }

  @Override
  public Event next() {
    Event event = parser.next();
    switch (event.getEventId()) {
      case Alias -> throw new Exceeded(event.getStartMark(), Code.YAML_SYNTAX,
          "alias *" + ((AliasEvent) event).getAlias() + ": anchors and aliases are not allowed"
              + " in registry files; write each entry out");
      case Scalar -> node(event, false);
      case SequenceStart, MappingStart -> node(event, true);
      case SequenceEnd, MappingEnd -> open.pop();
      default -> { }
    }
    return event;
  }

  private void node(Event event, boolean collection) {
    if (event instanceof NodeEvent named && named.getAnchor().isPresent()) {
      throw new Exceeded(event.getStartMark(), Code.YAML_SYNTAX, "anchor &"
          + named.getAnchor().get() + ": anchors and aliases are not allowed in registry files;"
          + " write each entry out");
    }
    if (++nodes > MAX_NODES) {
      throw new Exceeded(event.getStartMark(), Code.TOO_MANY, "more than " + MAX_NODES
          + " YAML nodes in one file; registry files hold far fewer");
    }
    Open parent = open.peek();
    if (collection && parent != null && parent.mapping && parent.nodes % 2 == 0) {
      throw new Exceeded(event.getStartMark(), Code.YAML_SYNTAX, "a list or mapping used as a"
          + " mapping key; keys in registry files are plain names");
    }
    if (parent != null) {
      parent.nodes++;
      if (parent.entries() > MAX_ENTRIES) {
        throw new Exceeded(event.getStartMark(), Code.TOO_MANY, "more than " + MAX_ENTRIES
            + " entries in one " + (parent.mapping ? "mapping" : "list")
            + "; registry tables hold far fewer");
      }
    }
    if (collection) {
      if (open.size() >= MAX_DEPTH) {
        throw new Exceeded(event.getStartMark(), Code.TOO_DEEP, "lists and mappings nested"
            + " more than " + MAX_DEPTH + " levels deep; registry tables need far fewer");
      }
      open.push(new Open(event.getEventId() == Event.ID.MappingStart));
    }
  }
}
