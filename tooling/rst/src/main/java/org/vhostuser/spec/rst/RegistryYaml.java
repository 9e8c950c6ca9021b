package org.vhostuser.spec.rst;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.vhostuser.spec.registry.Direction;
import org.vhostuser.spec.registry.RegistryFiles;

/**
 * Writes the facts of a vhost-user.rst as registry tables, with the keys of
 * {@code spec/registry}: only what the document states (names, numbers, ioctls, payloads,
 * previous names), in document order, so the same input always gives the same bytes.
 */
public final class RegistryYaml {
  private RegistryYaml() {}

  /** The three tables, file name to content, in the order they are written. */
  public static Map<String, String> tables(RstDocument document) {
    String from = document.file().getFileName().toString();
    Map<String, String> tables = new LinkedHashMap<>();
    tables.put(RegistryFiles.FRONT_END,
        messages(from, Direction.FRONT_END, document.frontEnd()));
    tables.put(RegistryFiles.BACK_END, messages(from, Direction.BACK_END, document.backEnd()));
    tables.put(RegistryFiles.PROTOCOL_FEATURES, features(from, document.features()));
    return tables;
  }

  /** The tables as one YAML stream, documents separated by {@code ---}. */
  public static String stream(RstDocument document) {
    StringBuilder out = new StringBuilder();
    for (String table : tables(document).values()) {
      if (out.length() > 0) {
        out.append("---\n");
      }
      out.append(table);
    }
    return out.toString();
  }

  private static StringBuilder head(String fileName, String schema, String from) {
    return new StringBuilder()
        .append("# yaml-language-server: $schema=schema/").append(schema).append('\n')
        .append("# ").append(fileName).append(": imported by vhost-spec import-rst from ")
        .append(from).append(".\n")
        .append("# Only the facts that file states. Summaries, reply rules, file descriptors,\n")
        .append("# requirements and status are not in it: add them before using this table.\n");
  }

  private static String messages(String from, Direction direction, List<RstMessage> messages) {
    String file = direction == Direction.FRONT_END ? RegistryFiles.FRONT_END
        : RegistryFiles.BACK_END;
    StringBuilder out = head(file, file.replace(".yaml", ".schema.json"), from)
        .append("direction: ").append(direction.yamlName()).append('\n');
    if (messages.isEmpty()) {
      return out.append("messages: []\n").toString();
    }
    out.append("messages:\n");
    boolean first = true;
    for (RstMessage m : messages) {
      if (!first) {
        out.append('\n');
      }
      first = false;
      out.append("  - name: ").append(m.name()).append('\n');
      out.append("    id: ").append(m.id()).append('\n');
      if (m.ioctl() != null) {
        out.append("    ioctl: ").append(scalar(m.ioctl())).append('\n');
      }
      payload(out, "request", m.request());
      payload(out, "reply", m.reply());
      if (!m.previousNames().isEmpty()) {
        out.append("    previous_names: [").append(String.join(", ", m.previousNames()))
            .append("]\n");
      }
    }
    return out.toString();
  }

  /** A payload key with the registry name, and the document's phrase when it reads otherwise. */
  private static void payload(StringBuilder out, String key, String phrase) {
    if (phrase == null) {
      return;
    }
    PayloadNames.Resolved resolved = PayloadNames.resolve(phrase);
    if (resolved.name() == null) {
      out.append("    # ").append(key).append(": no body (rst: ").append(phrase)
          .append(")\n");
      return;
    }
    out.append("    ").append(key).append(": ").append(resolved.name());
    if (!resolved.known()) {
      out.append("  # rst: ").append(phrase).append(" (no registry payload known)");
    } else if (!phrase.equals(resolved.name())) {
      out.append("  # rst: ").append(phrase);
    }
    out.append('\n');
  }

  private static String features(String from, List<RstFeature> features) {
    StringBuilder out = head(RegistryFiles.PROTOCOL_FEATURES, "protocol-features.schema.json",
        from);
    if (features.isEmpty()) {
      return out.append("features: []\n").toString();
    }
    out.append("features:\n");
    boolean first = true;
    for (RstFeature f : features) {
      if (!first) {
        out.append('\n');
      }
      first = false;
      out.append("  - name: ").append(f.name()).append('\n');
      out.append("    bit: ").append(f.bit()).append('\n');
    }
    return out.toString();
  }

  /** A plain scalar when it is a simple word, else a double-quoted one. */
  static String scalar(String text) {
    if (text.matches("[A-Za-z_][A-Za-z0-9_]*")) {
      return text;
    }
    return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }
}
