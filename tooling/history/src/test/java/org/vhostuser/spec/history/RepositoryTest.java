package org.vhostuser.spec.history;

import java.nio.file.Path;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** Base of the tests that work on a throw-away repository holding the test registry. */
abstract class RepositoryTest {
  @TempDir Path folder;
  ThrowAwayRepository repository;
  /** The first commit: the test registry (tooling/testdata/registry). */
  RevCommit first;

  @BeforeEach
  void createRepository() throws Exception {
    repository = ThrowAwayRepository.withTestRegistry(folder);
    first = repository.git().log().call().iterator().next();
  }

  @AfterEach
  void closeRepository() {
    repository.close();
  }
}
