package org.tresor.account;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** A setting administrators choose for every account, by name. */
@Entity
@Table(name = "account_settings")
class AccountSetting {

	/** Whether every staff member and administrator must sign in with a second factor: "true" or "false". */
	static final String SECOND_FACTOR_REQUIRED = "second-factor-required";

	/** With single sign-on: whether staff members (not administrators) may still sign in with a password. */
	static final String STAFF_PASSWORDS = "staff-passwords";

	@Id
	private String name;

	@Column(name = "setting_value")
	private String value;

	@Version
	private long version;

	protected AccountSetting() {
	}

	AccountSetting(String name, String value) {
		this.name = name;
		this.value = value;
	}

	String value() {
		return value;
	}

	void change(String value) {
		this.value = value;
	}
}
