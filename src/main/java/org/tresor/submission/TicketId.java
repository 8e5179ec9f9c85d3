package org.tresor.submission;

import java.util.UUID;

public record TicketId(UUID value) {
}
