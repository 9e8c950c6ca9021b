package org.vhostuser.spec.rst;

import java.util.List;
import org.vhostuser.spec.registry.Direction;

/**
 * One message as vhost-user.rst lists it: its name line and field list. Payloads are the phrases
 * the document writes (cleaned of markup), or null for N/A; the ioctl is null for N/A or no line.
 * Every fact carries its 1-based line.
 */
public record RstMessage(
    Direction direction,
    String name,
    List<String> previousNames,
    long id,
    String ioctl,
    String request,
    String reply,
    int line,
    int idLine,
    int ioctlLine,
    int requestLine,
    int replyLine) {
  public RstMessage {
    previousNames = List.copyOf(previousNames);
  }
}
