package org.vhostuser.spec.registry;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/** The whole protocol as loaded from {@code spec/registry}: the model every tool reads. */
public record Registry(
    Path root,
    RegistryInfo info,
    Header header,
    MessageTable frontEnd,
    MessageTable backEnd,
    FeatureTable protocolFeatures,
    FeatureTable virtioFeatures,
    List<Payload> payloads,
    List<EnumType> enums,
    Set<String> unavailableFiles,
    WireRules wire,
    Quirks quirks) {
  public Registry {
    payloads = List.copyOf(payloads);
    enums = List.copyOf(enums);
    unavailableFiles = Set.copyOf(unavailableFiles);
    quirks = quirks == null ? Quirks.none() : quirks;
    wire = wire == null ? WireRules.none() : wire;
  }

  /** A registry without wire rules and quirks. */
  public Registry(Path root, RegistryInfo info, Header header, MessageTable frontEnd,
      MessageTable backEnd, FeatureTable protocolFeatures, FeatureTable virtioFeatures,
      List<Payload> payloads, List<EnumType> enums, Set<String> unavailableFiles) {
    this(root, info, header, frontEnd, backEnd, protocolFeatures, virtioFeatures, payloads, enums,
        unavailableFiles, WireRules.none(), Quirks.none());
  }

  /**
   * False when the table file could not be read at all; references into it are then not
   * reported again, since the file's own diagnostic already explains them.
   */
  public boolean isComplete(String tableFile) {
    return !unavailableFiles.contains(tableFile);
  }

  /** Both message tables, front-end first. */
  public List<MessageTable> messageTables() {
    return List.of(frontEnd, backEnd);
  }

  /** Both feature tables, protocol features first. */
  public List<FeatureTable> featureTables() {
    return List.of(protocolFeatures, virtioFeatures);
  }

  /** Every message of both directions. */
  public Stream<Message> allMessages() {
    return messageTables().stream().flatMap(t -> t.messages().stream());
  }

  /** Every feature of both spaces. */
  public Stream<Feature> allFeatures() {
    return featureTables().stream().flatMap(t -> t.features().stream());
  }

  /** The payload with this name. */
  public Optional<Payload> payload(String name) {
    return payloads.stream().filter(p -> name.equals(p.name())).findFirst();
  }

  /** The enum with this name. */
  public Optional<EnumType> enumType(String name) {
    return enums.stream().filter(e -> name.equals(e.name())).findFirst();
  }

  /** Payloads by name, first definition wins, in file order. */
  public Map<String, Payload> payloadsByName() {
    Map<String, Payload> byName = new LinkedHashMap<>();
    payloads.forEach(p -> byName.putIfAbsent(p.name(), p));
    return byName;
  }
}
