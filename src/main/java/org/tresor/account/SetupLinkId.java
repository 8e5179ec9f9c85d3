package org.tresor.account;

import java.util.UUID;

public record SetupLinkId(UUID value) {
}
