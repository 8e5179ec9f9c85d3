package org.tresor.storage;

import java.util.List;

import org.springframework.data.repository.ListCrudRepository;

interface MissingBlobs extends ListCrudRepository<MissingBlob, String> {

	List<MissingBlob> findAllByOrderByDetectedAtDesc();
}
