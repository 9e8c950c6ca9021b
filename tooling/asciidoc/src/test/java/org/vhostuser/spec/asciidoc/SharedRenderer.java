package org.vhostuser.spec.asciidoc;

/** One renderer for every test class of this module: Asciidoctor takes seconds to start. */
final class SharedRenderer {
  private static SpecRenderer instance;

  private SharedRenderer() {}

  static synchronized SpecRenderer get() {
    if (instance == null) {
      instance = new SpecRenderer();
      Runtime.getRuntime().addShutdownHook(new Thread(instance::close));
    }
    return instance;
  }
}
