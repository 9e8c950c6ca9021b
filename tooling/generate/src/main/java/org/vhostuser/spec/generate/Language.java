package org.vhostuser.spec.generate;

import java.util.Locale;

/** The languages {@code vhost-spec generate} writes, with the file each one produces. */
public enum Language {
  JSON("vhost-user-registry.json"),
  C("vhost_user_protocol.h"),
  RUST("vhost_user_protocol.rs");

  private final String fileName;

  Language(String fileName) {
    this.fileName = fileName;
  }

  /** The name of the generated file. */
  public String fileName() {
    return fileName;
  }

  /** The name used on the command line. */
  public String option() {
    return name().toLowerCase(Locale.ROOT);
  }
}
