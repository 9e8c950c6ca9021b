package org.vhostuser.spec.asciidoc;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import org.asciidoctor.Asciidoctor;
import org.asciidoctor.jruby.internal.JRubyAsciidoctor;

/**
 * Starts Asciidoctor, the same way for every user in the process: JRuby reads its RubyGems
 * option once per process, so a second instance started the usual way would not find
 * Asciidoctor after a first one started without RubyGems.
 */
final class AsciidoctorStart {
  /** The JRuby option that loads RubyGems when a runtime starts. */
  private static final String RUBYGEMS = "jruby.cli.rubygems.enable";

  private AsciidoctorStart() {}

  /**
   * Starts Asciidoctor without RubyGems: JRuby then skips loading RubyGems (about a quarter of
   * its start) and finds Asciidoctor through a load path into the AsciidoctorJ jar instead. If
   * that jar does not say where its Asciidoctor is, it starts the usual way.
   */
  static Asciidoctor start() {
    Optional<String> lib = bundledAsciidoctor();
    if (lib.isEmpty() || System.getProperty(RUBYGEMS) != null) {
      return Asciidoctor.Factory.create();
    }
    System.setProperty(RUBYGEMS, "false");
    try {
      return JRubyAsciidoctor.create(List.of(lib.get()));
    } finally {
      System.clearProperty(RUBYGEMS);
    }
  }

  /** The load path of the Asciidoctor gem inside the AsciidoctorJ jar, if it can be found. */
  private static Optional<String> bundledAsciidoctor() {
    ClassLoader loader = JRubyAsciidoctor.class.getClassLoader();
    try (InputStream in = loader.getResourceAsStream("META-INF/asciidoctorj-version.properties")) {
      if (in == null) {
        return Optional.empty();
      }
      Properties versions = new Properties();
      versions.load(in);
      String gem = "gems/asciidoctor-" + versions.getProperty("version.asciidoctor") + "/lib";
      return loader.getResource(gem + "/asciidoctor.rb") == null ? Optional.empty()
          : Optional.of("uri:classloader:/" + gem);
    } catch (IOException e) {
      return Optional.empty();
    }
  }

}
