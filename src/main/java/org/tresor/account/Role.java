package org.tresor.account;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

public enum Role {
	ADMIN, STAFF, EXTERNAL;

	/** Roles as the database keeps them: names separated by commas. */
	static Set<Role> decode(String names) {
		return Arrays.stream(names.split(","))
			.filter(name -> !name.isEmpty())
			.map(Role::valueOf)
			.collect(Collectors.toCollection(() -> EnumSet.noneOf(Role.class)));
	}

	static String encode(Set<Role> roles) {
		return roles.stream().sorted().map(Role::name).collect(Collectors.joining(","));
	}
}
