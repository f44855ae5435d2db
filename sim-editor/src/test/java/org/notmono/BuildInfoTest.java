package org.notmono;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class BuildInfoTest {
    @Test
    void theCommitIsAFullGitHashWhenBuiltFromAClone() {
        String commit = BuildInfo.gitCommit();
        // the project is always built from a git clone here and in CI
        assertTrue(commit.matches("[0-9a-f]{40}(-dirty)?"), "expected a git hash, got " + commit);
    }
}
