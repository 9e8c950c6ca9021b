package org.vhostuser.spec.registry;

import java.util.List;

/** One request of the protocol, sent by the front-end or by the back-end. */
public record Message(
    Direction direction,
    String name,
    Long id,
    String summary,
    String ioctl,
    Ref request,
    Ref reply,
    FdSpec requestFds,
    FdSpec replyFds,
    Replies replies,
    String replyCondition,
    Requirements requires,
    Status status,
    List<String> previousNames,
    Deprecation deprecated,
    String proposal,
    String owner,
    List<String> notes,
    SourcePosition at) {
  public Message {
    previousNames = List.copyOf(previousNames);
    notes = List.copyOf(notes);
  }
}
