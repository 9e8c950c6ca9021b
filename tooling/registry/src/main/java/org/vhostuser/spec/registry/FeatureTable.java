package org.vhostuser.spec.registry;

import java.nio.file.Path;
import java.util.List;

/** All bits of one feature space, and the bits that space has retired. */
public record FeatureTable(
    FeatureKind kind, List<Feature> features, List<Retired> retired, Path file) {
  public FeatureTable {
    features = List.copyOf(features);
    retired = List.copyOf(retired);
  }
}
