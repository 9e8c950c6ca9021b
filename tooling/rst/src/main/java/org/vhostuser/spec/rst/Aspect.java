package org.vhostuser.spec.rst;

import java.util.Locale;
import java.util.Optional;
import org.vhostuser.spec.conform.Finding;

/** What a difference between vhost-user.rst and the registry is about. */
public enum Aspect {
  /** A message's id or a feature's bit. */
  NUMBER(Finding.Kind.NUMBER_DIFFERS),
  /** An entry of the registry the document does not list. */
  MISSING(Finding.Kind.MISSING),
  /** An entry of the document the registry does not have. */
  EXTRA(Finding.Kind.EXTRA),
  /** The same entry (same number) under another name. */
  NAME(Finding.Kind.SPELLING),
  /** A previous name the document gives that the registry does not record. */
  PREVIOUS_NAME(Finding.Kind.SPELLING),
  /** The equivalent kernel ioctl of a message. */
  IOCTL(Finding.Kind.VALUE_DIFFERS),
  /** The request payload of a message. */
  REQUEST(Finding.Kind.VALUE_DIFFERS),
  /** The reply payload of a message. */
  REPLY(Finding.Kind.VALUE_DIFFERS);

  private final Finding.Kind kind;

  Aspect(Finding.Kind kind) {
    this.kind = kind;
  }

  /** The kind of conform finding this aspect is reported as. */
  public Finding.Kind kind() {
    return kind;
  }

  /** The spelling in known-differences files: lower case, dashes. */
  public String id() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /** The aspect spelled {@code id}, if any. */
  public static Optional<Aspect> of(String id) {
    for (Aspect aspect : values()) {
      if (aspect.id().equals(id)) {
        return Optional.of(aspect);
      }
    }
    return Optional.empty();
  }
}
