package org.vhostuser.spec.registry.validate;

import org.vhostuser.spec.registry.Code;
import org.vhostuser.spec.registry.Diagnostics;
import org.vhostuser.spec.registry.FdSpec;
import org.vhostuser.spec.registry.Limit;
import org.vhostuser.spec.registry.Message;
import org.vhostuser.spec.registry.Registry;
import org.vhostuser.spec.registry.Replies;

/** A message's reply behaviour and file-descriptor counts are consistent with each other. */
final class MessageRules implements Rule {
  static final String MAX_FDS_LIMIT = "VHOST_USER_MAX_FDS";

  @Override
  public void check(Registry registry, Diagnostics out) {
    Long maxFds = registry.header().limit(MAX_FDS_LIMIT).map(Limit::value).orElse(null);
    registry.allMessages().forEach(m -> {
      boolean conditional = m.replies() == Replies.CONDITIONAL;
      boolean hasCondition = m.replyCondition() != null && !m.replyCondition().isBlank();
      if (conditional && !hasCondition) {
        out.error(m.at(), Code.REPLY_CONDITION,
            m.name() + " replies conditionally but has no reply_condition saying when");
      }
      if (!conditional && hasCondition && m.replies() != null) {
        out.error(m.at(), Code.REPLY_CONDITION, m.name() + " has a reply_condition but replies: "
            + m.replies().yamlName() + "; use replies: conditional");
      }
      if (m.replies() == Replies.NEVER && (m.reply() != null || m.replyFds() != null)) {
        out.error(m.at(), Code.REPLY_CONDITION,
            m.name() + " never replies but describes a reply payload or reply file descriptors");
      }
      checkFds(out, m, m.requestFds(), "request_fds", maxFds);
      checkFds(out, m, m.replyFds(), "reply_fds", maxFds);
    });
  }

  private static void checkFds(Diagnostics out, Message m, FdSpec fds, String key, Long maxFds) {
    if (fds == null) {
      return;
    }
    if (fds.min() < 0 || fds.min() > fds.max()) {
      out.error(fds.at(), Code.FD_COUNT, m.name() + " " + key + " has min " + fds.min()
          + " and max " + fds.max() + "; need 0 <= min <= max");
    } else if (maxFds != null && fds.max() > maxFds) {
      out.error(fds.at(), Code.FD_COUNT, m.name() + " " + key + " allows " + fds.max()
          + " file descriptors, more than " + MAX_FDS_LIMIT + " (" + maxFds + ")");
    }
  }
}
