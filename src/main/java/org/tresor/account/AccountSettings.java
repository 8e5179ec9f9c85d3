package org.tresor.account;

import org.springframework.data.repository.CrudRepository;

interface AccountSettings extends CrudRepository<AccountSetting, String> {
}
