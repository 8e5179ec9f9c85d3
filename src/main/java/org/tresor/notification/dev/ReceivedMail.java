package org.tresor.notification.dev;

import java.util.List;

/** One mail as the dev mailbox page shows it; {@code receivedAt} is formatted in the page's language. */
record ReceivedMail(String receivedAt, String to, String subject, List<TextSegment> body) {
}
