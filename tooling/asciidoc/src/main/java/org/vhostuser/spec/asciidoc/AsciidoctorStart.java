package org.vhostuser.spec.asciidoc;

import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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

  /**
   * JRuby options that make its start and a first render cheaper and change nothing
   * Asciidoctor does: no native POSIX layer (its set-up generates classes at run time; Java's
   * file access serves Asciidoctor); instance variables kept in a table rather than in
   * generated fields reached through method handles; and Ruby methods left in the interpreter
   * they start in, never rebuilt with optimisation passes after 50 calls (the rebuilds cost
   * more than they save in a render of seconds, and a warm re-render in {@code serve} measured
   * no slower). Together about a fifth off a cold render.
   */
  private static final Map<String, String> LEAN_OPTIONS = Map.of(
      "jruby.native.enabled", "false",
      "jruby.reify.variables", "false",
      "jruby.jit.threshold", "-1");

  private AsciidoctorStart() {}

  /**
   * Starts Asciidoctor without RubyGems: JRuby then skips loading RubyGems (about a quarter of
   * its start) and finds Asciidoctor through a load path into the AsciidoctorJ jar instead. If
   * that jar does not say where its Asciidoctor is, it starts the usual way. Either way JRuby
   * starts with the {@link #LEAN_OPTIONS}, unless the JVM was given other values for them.
   * Starts are taken one at a time: the options are process-wide system properties, and a
   * start that ended meanwhile would clear them under another (which then found no
   * Asciidoctor).
   */
  static synchronized Asciidoctor start() {
    Map<String, String> options = new LinkedHashMap<>(LEAN_OPTIONS);
    Optional<String> lib = bundledAsciidoctor();
    boolean withoutRubyGems = lib.isPresent() && System.getProperty(RUBYGEMS) == null;
    if (withoutRubyGems) {
      options.put(RUBYGEMS, "false");
    }
    options.keySet().removeIf(name -> System.getProperty(name) != null);
    options.forEach(System::setProperty);
    try {
      return withoutRubyGems ? JRubyAsciidoctor.create(List.of(lib.get()))
          : Asciidoctor.Factory.create();
    } finally {
      options.keySet().forEach(System::clearProperty);
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
