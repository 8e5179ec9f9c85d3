package org.tresor.parcel.web;

import java.io.IOException;
import java.util.Map;
import java.util.UUID;

import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.tresor.account.SignedInUser;
import org.tresor.parcel.Download;
import org.tresor.parcel.ParcelShelf;
import org.tresor.parcel.Parcels;
import org.tresor.parcel.PartDamagedException;
import org.tresor.parcel.SecuPassRefusedException;
import org.tresor.storage.BlobNotFoundException;
import org.tresor.web.Confirmation;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The pages of a parcel's reader, for every flow: the list, each parcel's details page, opened with the
 * SecuPass, one file or all as ZIP, the .pgp. A flow's controller extends this under {@code /} and its name
 * ({@code /inbox}, {@code /received}). The SecuPass arrives with each POST that
 * needs it and goes with it. A download is recorded only once it reached the reader in full.
 */
public abstract class ParcelPages {

	/** The request attribute that makes the error page say "damaged" rather than "unexpected error". */
	public static final String DAMAGED = "parcelDamaged";

	/** Enough for a busy day's inbox on one page, few enough that the page stays quick however much piles up. */
	public static final int PAGE_SIZE = 50;

	/** The one details page of every flow, {@code parcel/details.html}. */
	static final String DETAILS_VIEW = "parcel/details";

	private final ParcelShelf shelf;

	private final Parcels parcels;

	private final String name;

	private final String listView;

	/**
	 * @param name the flow's name for these pages ({@code inbox}): its controller maps them under {@code /inbox},
	 * and their message keys start with {@code inbox.}
	 * @param listView the flow's list page
	 */
	protected ParcelPages(ParcelShelf shelf, Parcels parcels, String name, String listView) {
		this.shelf = shelf;
		this.parcels = parcels;
		this.name = name;
		this.listView = listView;
	}

	/** Page {@code page} (from 0) of the list, {@value #PAGE_SIZE} parcels a page, newest first. */
	@GetMapping
	public String list(@RequestParam(defaultValue = "0") int page, @AuthenticationPrincipal SignedInUser user,
			Model model) {
		model.addAttribute("entries", shelf.entries(user.id(), page(page)));
		return listView;
	}

	/**
	 * Page {@code number} (from 0) of a list, {@value #PAGE_SIZE} a page. Past the last page is an empty page with
	 * a way back, never an offset the database cannot take.
	 */
	public static Pageable page(int number) {
		return PageRequest.of(Math.min(Math.max(number, 0), Integer.MAX_VALUE / PAGE_SIZE - 1), PAGE_SIZE);
	}

	@GetMapping("/{id}")
	public String page(@PathVariable UUID id, @AuthenticationPrincipal SignedInUser user, Model model) {
		return details(id, user, model);
	}

	@PostMapping("/{id}/open")
	public String open(@PathVariable UUID id, @RequestParam(defaultValue = "") String secuPass,
			@AuthenticationPrincipal SignedInUser user, Model model, HttpServletResponse response) throws IOException {
		try {
			var manifest = parcels.open(shelf.parcel(id, user.id()), user.id(), secuPass);
			shelf.opened(id, user.id());
			model.addAttribute("opened", manifest);
			response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
			return details(id, user, model);
		}
		catch (SecuPassRefusedException e) {
			return wrongSecuPass(id, user, model, response);
		}
	}

	@PostMapping("/{id}/files/{number}")
	public String downloadFile(@PathVariable UUID id, @PathVariable int number,
			@RequestParam(defaultValue = "") String secuPass, @AuthenticationPrincipal SignedInUser user, Model model,
			HttpServletResponse response) throws IOException {
		try {
			send(id, user, parcels.file(shelf.parcel(id, user.id()), number, user.id(), secuPass), false, response);
			return null;
		}
		catch (SecuPassRefusedException e) {
			return wrongSecuPass(id, user, model, response);
		}
	}

	@PostMapping("/{id}/zip")
	public String downloadZip(@PathVariable UUID id, @RequestParam(defaultValue = "") String secuPass,
			@AuthenticationPrincipal SignedInUser user, Model model, HttpServletResponse response) throws IOException {
		try {
			send(id, user, parcels.zip(shelf.parcel(id, user.id()), user.id(), secuPass), false, response);
			return null;
		}
		catch (SecuPassRefusedException e) {
			return wrongSecuPass(id, user, model, response);
		}
	}

	/** Irreversible, so only with the one confirmation every such action asks for; back to the list. */
	@PostMapping("/{id}/delete")
	public String delete(@PathVariable UUID id, @RequestParam(defaultValue = "") String confirm,
			@AuthenticationPrincipal SignedInUser user, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		if (!Confirmation.given(confirm)) {
			Confirmation.refuse("confirm-delete", model, response);
			return details(id, user, model);
		}
		shelf.delete(id, user.id());
		redirect.addFlashAttribute("flash", name + ".deleted");
		return "redirect:" + path();
	}

	/**
	 * File {@code number} as the OpenPGP message GnuPG decrypts, without the SecuPass. A POST like every
	 * download: the flow's shelf decides whether it counts as downloaded.
	 */
	@PostMapping("/{id}/encrypted/{number}")
	public void downloadEncrypted(@PathVariable UUID id, @PathVariable int number,
			@AuthenticationPrincipal SignedInUser user, HttpServletResponse response) throws IOException {
		send(id, user, parcels.encrypted(shelf.parcel(id, user.id()), number, user.id()), true, response);
	}

	/** The details page without the SecuPass. */
	protected String details(UUID id, SignedInUser user, Model model) {
		model.addAttribute("entry", shelf.entry(id, user.id()));
		model.addAttribute("shelf", name);
		model.addAttribute("shelfPath", path());
		return DETAILS_VIEW;
	}

	/**
	 * The ciphertext is gone: deleted while this download was starting, or lost from storage (the sweeper
	 * reports such blobs to administrators). Not yet committed, so the browser gets the error page.
	 */
	@ExceptionHandler(BlobNotFoundException.class)
	public void blobGone(BlobNotFoundException e, HttpServletResponse response) throws IOException {
		if (response.isCommitted()) {
			throw e;
		}
		response.reset();
		response.sendError(HttpStatus.GONE.value());
	}

	/**
	 * A part did not open although storage read it (its body or its key packet is damaged; already announced
	 * and audited): the "damaged" page, while the response is still a page.
	 */
	@ExceptionHandler(PartDamagedException.class)
	public void damaged(PartDamagedException e, HttpServletRequest request, HttpServletResponse response)
			throws IOException {
		if (response.isCommitted()) {
			throw e;
		}
		response.reset();
		request.setAttribute(DAMAGED, Boolean.TRUE);
		response.sendError(HttpStatus.INTERNAL_SERVER_ERROR.value());
	}

	private String path() {
		return "/" + name;
	}

	private void send(UUID id, SignedInUser user, Download download, boolean encrypted, HttpServletResponse response)
			throws IOException {
		DownloadResponses.send(download.whenDelivered(() -> shelf.downloaded(id, user.id(), encrypted)), response);
	}

	private String wrongSecuPass(UUID id, SignedInUser user, Model model, HttpServletResponse response) {
		model.addAttribute("errors", Map.of("secuPass", name + ".secuPass.wrong"));
		response.setStatus(HttpStatus.FORBIDDEN.value());
		return details(id, user, model);
	}
}
