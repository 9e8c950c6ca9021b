package org.vhostuser.spec.registry;

import java.util.List;
import java.util.Set;

/** The file names of the registry tables inside the registry folder. */
public final class RegistryFiles {
  public static final String INFO = "registry.yaml";
  public static final String HEADER = "header.yaml";
  public static final String FRONT_END = "front-end-messages.yaml";
  public static final String BACK_END = "back-end-messages.yaml";
  public static final String PROTOCOL_FEATURES = "protocol-features.yaml";
  public static final String VIRTIO_FEATURES = "virtio-features.yaml";
  public static final String PAYLOADS = "payloads.yaml";
  public static final String ENUMS = "enums.yaml";
  /** The wire rules: which spec rule each check enforces, receiver behaviour, ordering. */
  public static final String WIRE_RULES = "wire-rules.yaml";
  /** Known deviations of named implementations, applied by the wire checks. */
  public static final String QUIRKS = "quirks.yaml";
  /** Tables read when present; a registry without them has nothing to check on the wire. */
  public static final List<String> OPTIONAL_TABLES = List.of(WIRE_RULES, QUIRKS);
  /** Breaking changes the maintainers approved; read by the diff, not a table. */
  public static final String ACCEPTED_BREAKS = "accepted-breaks.yaml";

  /** Every table, in the order they are loaded and listed. */
  public static final List<String> TABLES =
      List.of(INFO, HEADER, FRONT_END, BACK_END, PROTOCOL_FEATURES, VIRTIO_FEATURES, PAYLOADS,
          ENUMS);

  /** YAML files in the registry folder that other tools own (not tables, not unknown). */
  public static final Set<String> OTHERS = Set.of(ACCEPTED_BREAKS, "qemu-rst-differences.yaml");

  private RegistryFiles() {}
}
