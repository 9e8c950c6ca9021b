package org.vhostuser.spec.registry.validate;

import org.vhostuser.spec.registry.Diagnostics;
import org.vhostuser.spec.registry.Registry;

/** One family of checks over the loaded registry; reports problems, never throws for content. */
interface Rule {
  void check(Registry registry, Diagnostics out);
}
