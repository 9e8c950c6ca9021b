package org.vhostuser.spec.generate;

/**
 * The licence every generated file carries. BSD-3-Clause can be included by GPL-2.0-or-later
 * (QEMU), BSD-3-Clause (DPDK, SPDK) and Apache-2.0 OR BSD-3-Clause (rust-vmm) projects alike; the
 * Apache-2.0 alternative lets Apache-only projects take it under their own terms.
 */
final class Licence {
  static final String SPDX = "BSD-3-Clause OR Apache-2.0";

  static final String NOTICE =
      "Generated from the vhost-user protocol registry. Do not edit: change the registry and\n"
          + "regenerate. This file is a listing of protocol facts; it may be copied, modified and\n"
          + "redistributed under either licence named by its SPDX identifier.";

  private Licence() {}
}
