package org.tresor.account;

public enum Role {
	ADMIN, STAFF, EXTERNAL
}
