package org.vhostuser.spec.site;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.vhostuser.spec.generate.GeneratedFile;
import org.vhostuser.spec.generate.Generation;
import org.vhostuser.spec.generate.Language;
import org.vhostuser.spec.generate.Provenance;
import org.vhostuser.spec.registry.Registry;

/** The downloads page and its files: the generated JSON, C and Rust, and the JSON Schemas. */
final class Downloads {
  private Downloads() {}

  /** Writes the downloadable files under {@code out/downloads} and returns the page's HTML. */
  static String write(Registry registry, Provenance provenance, Path specFolder, Path out)
      throws IOException {
    Path downloads = out.resolve("downloads");
    List<GeneratedFile> generated =
        Generation.generate(registry, provenance, EnumSet.allOf(Language.class), "");
    Generation.write(generated, downloads);
    List<Path> schemas = new ArrayList<>();
    for (Path folder : List.of(specFolder.resolve("registry/schema"), specFolder.resolve("schema"))) {
      if (Files.isDirectory(folder)) {
        try (Stream<Path> files = Files.list(folder)) {
          schemas.addAll(files.filter(f -> f.toString().endsWith(".json")).sorted().toList());
        }
      }
    }
    Files.createDirectories(downloads.resolve("schema"));
    Map<Path, Long> sizes = new HashMap<>();
    for (Path schema : schemas) {
      byte[] bytes = SiteInputs.bytes(schema, specFolder);
      Files.write(downloads.resolve("schema").resolve(schema.getFileName()), bytes);
      sizes.put(schema, (long) bytes.length);
    }
    StringBuilder html = new StringBuilder("<h1>Downloads</h1>\n<p>Everything here is generated"
        + " from the registry of this revision; the same registry always gives the same bytes."
        + " Projects that vendor these files can check them with <code>vhost-spec generate"
        + " --check</code>.</p>\n<table>\n<thead><tr><th>File</th><th>Size</th><th>What it holds"
        + "</th></tr></thead>\n<tbody>\n");
    for (GeneratedFile file : generated) {
      html.append(row("downloads/" + file.name(), file.content().length(), describe(file.name())));
    }
    for (Path schema : schemas) {
      html.append(row("downloads/schema/" + schema.getFileName(), sizes.get(schema),
          schemaDescription(schema.getFileName().toString())));
    }
    return html.append("</tbody>\n</table>\n").toString();
  }

  private static String row(String path, long size, String description) {
    return "<tr><td><a href=\"" + Html.escape(path) + "\"><code>" + Html.escape(
        path.substring(path.lastIndexOf('/') + 1)) + "</code></a></td><td>" + size + " bytes</td><td>"
        + Html.escape(description) + "</td></tr>\n";
  }

  private static String describe(String name) {
    if (name.endsWith(".json")) {
      return "The whole registry as JSON: the input for other projects' generators.";
    }
    if (name.endsWith(".h")) {
      return "C99/C11 header: request numbers, feature bits, constants and packed payload structs.";
    }
    return "Rust module (core only): request enums, feature bit sets, constants and payload structs.";
  }

  private static String schemaDescription(String name) {
    if (name.equals("export.schema.json")) {
      return "JSON Schema of the JSON export.";
    }
    if (name.equals("backend-description.schema.json")) {
      return "JSON Schema of the description file a back-end installs for management tools.";
    }
    return "JSON Schema of the registry tables (" + name + ").";
  }
}
