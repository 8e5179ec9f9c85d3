package org.tresor.notification;

import org.tresor.account.UserId;
import org.tresor.submission.SubmissionReceived;

/**
 * One box member to tell about a submission. A submission fans out into one of these per member, each its
 * own publication, so a mail that fails is retried alone and no member gets the same mail twice.
 */
record MemberToNotify(SubmissionReceived submission, UserId member) {
}
