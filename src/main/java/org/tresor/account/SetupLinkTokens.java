package org.tresor.account;

import java.time.Clock;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tresor.kernel.LinkToken;

/**
 * The token of a set-up link, made when its mail is written: the raw token never waits in the database (not
 * even in the event publication registry while SMTP is down), only its hash is stored on the link.
 */
@Service
public class SetupLinkTokens {

	private final SetupLinks links;

	private final Clock clock;

	SetupLinkTokens(SetupLinks links, Clock clock) {
		this.links = links;
		this.clock = clock;
	}

	/**
	 * A new token for the link, committed before it returns (so the mail carrying it never holds a link the
	 * database does not know); the link's earlier token stops working. Empty if the link is gone (a newer
	 * invitation replaced it), used or expired: then no mail is due.
	 */
	@Transactional
	public Optional<LinkToken> freshToken(SetupLinkId id) {
		var now = clock.instant();
		return links.findById(id.value()).filter(link -> link.isUsable(now)).map(link -> {
			var token = LinkToken.random();
			link.renew(token, now);
			return token;
		});
	}
}
