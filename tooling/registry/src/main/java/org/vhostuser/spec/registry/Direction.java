package org.vhostuser.spec.registry;

/** Which side sends a request: the front-end on the main socket, the back-end on its channel. */
public enum Direction {
  FRONT_END("front-end"),
  BACK_END("back-end");

  private final String yamlName;

  Direction(String yamlName) {
    this.yamlName = yamlName;
  }

  /** The spelling used in the YAML files and on the site. */
  public String yamlName() {
    return yamlName;
  }
}
