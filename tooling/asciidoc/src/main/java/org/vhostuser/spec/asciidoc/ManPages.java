package org.vhostuser.spec.asciidoc;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.asciidoctor.Asciidoctor;
import org.asciidoctor.Options;
import org.asciidoctor.SafeMode;

/** Turns AsciiDoc man page sources into troff pages with one Asciidoctor for the whole batch. */
public final class ManPages {
  private ManPages() {}

  /** The troff page of each source, by the same name. */
  public static Map<String, String> toTroff(Map<String, String> sources) {
    Logger.getLogger("asciidoctor").setLevel(Level.SEVERE);
    Map<String, String> pages = new LinkedHashMap<>();
    try (Asciidoctor asciidoctor = AsciidoctorStart.start()) {
      Options options = Options.builder().backend("manpage").docType("manpage")
          .safe(SafeMode.SAFE).standalone(true).toFile(false).build();
      sources.forEach((name, source) -> pages.put(name, asciidoctor.convert(source, options)));
    }
    return pages;
  }
}
