package io.gatewatch.classify;

import java.util.Optional;

/**
 * Where each Dynamics organisation really lives: from the {@code dynamics-orgs} directory, or
 * learned from the organisation's successful requests.
 */
public interface OrgDirectory {

    /** The org's region host (e.g. {@code crm4.dynamics.com}), if known. */
    Optional<String> regionHostOf(String orgName);

    /** A directory that knows nothing: no region mismatch can be detected. */
    OrgDirectory EMPTY = orgName -> Optional.empty();
}
