package org.tresor.submission;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tresor.account.AccountFixtures.submit;
import static org.tresor.account.AccountFixtures.type;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

import org.htmlunit.WebClient;
import org.htmlunit.html.HtmlOption;
import org.htmlunit.html.HtmlPage;
import org.htmlunit.html.HtmlSelect;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tresor.Browsers;
import org.tresor.TestMailServer;
import org.tresor.TresorIntegrationTest;
import org.tresor.account.AccountFixtures;
import org.tresor.account.AccountFixtures.Credentials;
import org.tresor.crypto.GnuPg;

/**
 * Administrators build their team: invite staff by mail, add them to boxes, create boxes. New members
 * receive what arrives afterwards, and what they receive GnuPG can open with their exported key.
 */
class BoxMembershipIntegrationTests extends TresorIntegrationTest {

	@TempDir
	Path temp;

	WebClient admin = Browsers.browser();

	WebClient member = Browsers.browser();

	WebClient client = Browsers.browser();

	@AfterEach
	void close() {
		admin.close();
		member.close();
		client.close();
	}

	@Test
	void invitedStaffMemberAddedToABoxReceivesAndOpensSubmissions() throws Exception {
		var staff = inviteStaffMember();
		var slug = "hr-" + UUID.randomUUID().toString().substring(0, 8);
		HtmlPage boxes = admin.getPage(url("/admin/boxes"));
		type(boxes, "name", "Human Resources");
		type(boxes, "slug", slug);
		boxes = submit(boxes, "slug");
		assertThat(boxes.asNormalizedText()).contains("The box was created.").contains("Human Resources");
		boxes = addMember(boxes, "Human Resources", staff.email());
		assertThat(boxes.asNormalizedText()).contains("The member was added");

		var plaintext = Files.write(temp.resolve("contract.pdf"), "signed contract".repeat(1000).getBytes());
		var confirmation = submitTo(slug, "contract attached", plaintext);
		var reference = confirmation.getElementById("reference").getTextContent();
		var notification = MAIL.await(staff.email(), reference);
		var link = TestMailServer.link(notification, PUBLIC_BASE_URL + "/inbox/");

		AccountFixtures.logIn(member, url("/login"), staff);
		HtmlPage details = member.getPage(local(link));
		var encrypted = details.<org.htmlunit.html.HtmlButton>getFirstByXPath("//button[@form='encrypted-1']").click()
			.getWebResponse();
		assertThat(encrypted.getStatusCode()).isEqualTo(200);
		assertThat(encrypted.getResponseHeaderValue("Content-Disposition")).contains(reference + "-1.pgp");

		assertThat(details.getWebResponse().getStatusCode()).isEqualTo(200);
		GnuPg.assumeAvailable();
		HtmlPage account = member.getPage(url("/account"));
		type(account, "secuPass", staff.secuPass());
		var exported = AccountFixtures.press(account, "secuPass").getWebResponse();
		assertThat(exported.getResponseHeaderValue("Content-Disposition")).contains("attachment");
		try (var gpg = GnuPg.temporaryHome()) {
			gpg.importSecretKey(exported.getContentAsStream().readAllBytes(), staff.secuPass());
			assertThat(gpg.decrypt(encrypted.getContentAsStream().readAllBytes(), staff.secuPass()))
				.isEqualTo(Files.readAllBytes(plaintext));
		}
	}

	@Test
	void newMemberOpensEarlierSubmissionsOnlyWhenTheAdministratorSharesThemWithTheSecuPass() throws Exception {
		var administrator = AccountFixtures.administrator(context, this::local);
		var sharedWith = inviteStaffMember();
		var notSharedWith = inviteStaffMember();
		var name = "Legal " + UUID.randomUUID().toString().substring(0, 8);
		var slug = createBox(name);
		var boxes = addMember(admin.getPage(url("/admin/boxes")), name, administrator.email(), "");
		var plaintext = Files.write(temp.resolve("claim.pdf"), "statement of claim ".repeat(5000).getBytes());
		var reference = submitTo(slug, "earlier", plaintext).getElementById("reference").getTextContent();
		var ciphertextBefore = blobContents();

		var refused = addMember(boxes, name, sharedWith.email(), "not the SecuPass");
		assertThat(refused.getWebResponse().getStatusCode()).isEqualTo(403);
		assertThat(refused.asNormalizedText()).contains("The SecuPass is wrong");
		var shared = addMember(refused, name, sharedWith.email(), administrator.secuPass());
		assertThat(shared.asNormalizedText()).contains("can now also open 1 earlier submission");
		addMember(shared, name, notSharedWith.email(), "");
		assertThat(blobContents()).as("re-wrapping leaves every body as it was").isEqualTo(ciphertextBefore);

		AccountFixtures.logIn(member, url("/login"), sharedWith);
		HtmlPage inbox = member.getPage(url("/inbox"));
		assertThat(inbox.asNormalizedText()).contains(reference);
		HtmlPage details = ((org.htmlunit.html.HtmlAnchor) inbox.getFirstByXPath("//a[contains(@href,'/inbox/')"
				+ " and ancestor::tr//span[contains(.,'" + reference + "')]]")).click();
		type(details, "secuPass", sharedWith.secuPass());
		var download = InboundFlowIntegrationTests.press(details, "Download").getWebResponse();
		assertThat(download.getContentAsStream().readAllBytes()).isEqualTo(Files.readAllBytes(plaintext));

		try (var other = Browsers.browser()) {
			AccountFixtures.logIn(other, url("/login"), notSharedWith);
			HtmlPage otherInbox = other.getPage(url("/inbox"));
			assertThat(otherInbox.asNormalizedText()).doesNotContain(reference);
		}
	}

	@Test
	void boxWithoutMembersCannotReceiveYet() throws Exception {
		AccountFixtures.logIn(admin, url("/login"), AccountFixtures.administrator(context, this::local));
		var slug = createBox("Empty " + UUID.randomUUID().toString().substring(0, 8));
		var refused = submitTo(slug, "anyone there?", Files.write(temp.resolve("x.txt"), new byte[] { 1 }));
		assertThat(refused.getWebResponse().getStatusCode()).isEqualTo(503);
		assertThat(refused.asNormalizedText()).contains("This box cannot receive anything right now");
	}

	private String createBox(String name) throws IOException {
		var slug = "box-" + UUID.randomUUID().toString().substring(0, 8);
		HtmlPage boxes = admin.getPage(url("/admin/boxes"));
		type(boxes, "name", name);
		type(boxes, "slug", slug);
		assertThat(submit(boxes, "slug").asNormalizedText()).contains("The box was created.");
		return slug;
	}

	private java.util.Map<Path, java.util.List<Byte>> blobContents() throws IOException {
		var contents = new java.util.HashMap<Path, java.util.List<Byte>>();
		for (var file : blobFiles()) {
			var bytes = Files.readAllBytes(file);
			var boxed = new java.util.ArrayList<Byte>(bytes.length);
			for (var b : bytes) {
				boxed.add(b);
			}
			contents.put(file, boxed);
		}
		return contents;
	}

	@Test
	void eachBoxShowsItsSubmitAddressAsALinkWithACopyButtonThatNeedsTheScript() throws Exception {
		var administrator = AccountFixtures.administrator(context, this::local);
		AccountFixtures.logIn(admin, url("/login"), administrator);
		var name = "Linked " + UUID.randomUUID().toString().substring(0, 8);
		var slug = createBox(name);
		HtmlPage boxes = admin.getPage(url("/admin/boxes"));
		var section = (org.htmlunit.html.HtmlElement) boxes.getFirstByXPath("//section[h2='" + name + "']");
		org.htmlunit.html.HtmlAnchor link = section.getFirstByXPath(".//a[@class='address']");
		assertThat(link).as("the address is a link").isNotNull();
		assertThat(link.getHrefAttribute()).isEqualTo(PUBLIC_BASE_URL + "/submit/" + slug);
		assertThat(link.asNormalizedText()).isEqualTo(PUBLIC_BASE_URL + "/submit/" + slug);
		org.htmlunit.html.HtmlButton copy = section.getFirstByXPath(".//button[@data-copy]");
		assertThat(copy.getAttribute("data-copy")).isEqualTo(PUBLIC_BASE_URL + "/submit/" + slug);
		assertThat(copy.getAttribute("type")).isEqualTo("button");
		assertThat(copy.hasAttribute("hidden")).as("without the script there is nothing to press").isTrue();
		assertThat(copy.getAttribute("aria-label")).contains(name);

		try (var scripted = new WebClient()) {
			scripted.addRequestHeader("Accept-Language", "en");
			AccountFixtures.logIn(scripted, url("/login"), administrator);
			HtmlPage page = scripted.getPage(url("/admin/boxes"));
			scripted.waitForBackgroundJavaScript(2000);
			var withScript = (org.htmlunit.html.HtmlElement) page.getFirstByXPath("//section[h2='" + name + "']");
			org.htmlunit.html.HtmlButton button = withScript.getFirstByXPath(".//button[@data-copy]");
			assertThat(button.hasAttribute("hidden")).as("the script shows the button").isFalse();
		}
	}

	@Test
	void boxAddressesMustBeUniqueAndWellFormed() throws Exception {
		AccountFixtures.logIn(admin, url("/login"), AccountFixtures.administrator(context, this::local));
		HtmlPage boxes = admin.getPage(url("/admin/boxes"));
		type(boxes, "name", "Bad");
		type(boxes, "slug", "Not A Slug/..");
		var refused = submit(boxes, "slug");
		assertThat(refused.getWebResponse().getStatusCode()).isEqualTo(400);
		assertThat(refused.asNormalizedText()).contains("Please use only lower-case letters, digits and hyphens");
		assertThat(refused.getElementById("slug").getAttribute("aria-describedby")).isEqualTo("slug-error");

		type(refused, "name", "Twice");
		type(refused, "slug", "info");
		var taken = submit(refused, "slug");
		assertThat(taken.getWebResponse().getStatusCode()).isEqualTo(400);
		assertThat(taken.asNormalizedText()).contains("This address is taken.");
		assertThat(taken.getElementById("name").getAttribute("value")).isEqualTo("Twice");
	}

	@Test
	void boxesCanBeRenamedButNotToNothing() throws Exception {
		AccountFixtures.logIn(admin, url("/login"), AccountFixtures.administrator(context, this::local));
		var name = "Before " + UUID.randomUUID().toString().substring(0, 8);
		var slug = createBox(name);
		HtmlPage boxes = admin.getPage(url("/admin/boxes"));
		var section = (org.htmlunit.html.HtmlElement) boxes.getFirstByXPath("//section[h2='" + name + "']");
		org.htmlunit.html.HtmlInput field = section.getFirstByXPath(".//input[@name='name']");
		field.setValue("   ");
		var refused = submit(boxes, field.getId());
		assertThat(refused.getWebResponse().getStatusCode()).isEqualTo(400);
		assertThat(refused.asNormalizedText()).contains("Please enter a name of at most 200 characters");

		section = (org.htmlunit.html.HtmlElement) refused.getFirstByXPath("//section[h2='" + name + "']");
		field = section.getFirstByXPath(".//input[@name='name']");
		field.setValue("After");
		var renamed = submit(refused, field.getId());
		assertThat(renamed.asNormalizedText()).contains("The box was renamed.");
		HtmlPage request = client.getPage(url("/submit/" + slug));
		assertThat(request.asNormalizedText()).contains("Send documents securely to: After");
	}

	@Test
	void staffWithoutAdministratorRightsCannotManageBoxes() throws Exception {
		var staff = inviteStaffMember();
		AccountFixtures.logIn(member, url("/login"), staff);
		assertThat(member.getPage(url("/admin/boxes")).getWebResponse().getStatusCode()).isEqualTo(403);
	}

	@Test
	void staffOfAnotherBoxGetsTheSameNotFoundForItsSubmissionsAsForAnIdThatDoesNotExist() throws Exception {
		var administrator = AccountFixtures.administrator(context, this::local);
		var outsider = inviteStaffMember();
		var name = "Payroll " + UUID.randomUUID().toString().substring(0, 8);
		var slug = createBox(name);
		addMember(admin.getPage(url("/admin/boxes")), name, administrator.email(), "");
		var plaintext = Files.write(temp.resolve("salaries.pdf"), "salary list ".repeat(500).getBytes());
		var reference = submitTo(slug, "payroll secret", plaintext).getElementById("reference").getTextContent();
		var submission = local(TestMailServer.link(MAIL.await(administrator.email(), reference),
				PUBLIC_BASE_URL + "/inbox/"));

		AccountFixtures.logIn(member, url("/login"), outsider);
		var guessed = member.getPage(url("/inbox/" + UUID.randomUUID())).getWebResponse();
		assertThat(guessed.getStatusCode()).isEqualTo(404);
		var page = member.getPage(submission).getWebResponse();
		assertThat(page.getStatusCode()).isEqualTo(404);
		assertThat(withoutReference(page.getContentAsString()))
			.isEqualTo(withoutReference(guessed.getContentAsString()));
		var csrf = ((HtmlPage) member.getPage(url("/inbox")))
			.<org.htmlunit.html.HtmlInput>getFirstByXPath("//input[@name='_csrf']").getValue();
		for (var action : new String[] { "/open", "/files/1", "/zip", "/encrypted/1", "/delete" }) {
			var post = new org.htmlunit.WebRequest(new java.net.URL(submission + action), org.htmlunit.HttpMethod.POST);
			post.setRequestParameters(java.util.List.of(new org.htmlunit.util.NameValuePair("_csrf", csrf),
					new org.htmlunit.util.NameValuePair("secuPass", outsider.secuPass())));
			var answer = member.getPage(post).getWebResponse();
			assertThat(answer.getStatusCode()).as(action).isEqualTo(404);
			assertThat(answer.getContentAsString()).as(action).doesNotContain(reference).doesNotContain("payroll");
		}

		assertThat(admin.getPage(submission).getWebResponse().getStatusCode())
			.as("the outsider's delete changed nothing").isEqualTo(200);
	}

	/** Error pages differ only in their reference id (and the CSRF token of the logout form, masked anew each time). */
	private static String withoutReference(String page) {
		return page.replaceAll("[2-9A-Z]{4}-[2-9A-Z]{4}", "XXXX-XXXX").replaceAll("name=\"_csrf\" value=\"[^\"]*\"", "");
	}

	@Test
	void unknownBoxIsNotFound() throws Exception {
		assertThat(client.getPage(url("/submit/no-such-box")).getWebResponse().getStatusCode()).isEqualTo(404);
	}

	private Credentials inviteStaffMember() throws IOException {
		var administrator = AccountFixtures.administrator(context, this::local);
		AccountFixtures.logIn(admin, url("/login"), administrator);
		var staff = new Credentials("staff-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org",
				"staff password 1234", "Staff-SecuPass-9?");
		HtmlPage users = admin.getPage(url("/admin/users"));
		type(users, "email", staff.email());
		((HtmlSelect) users.getElementById("language")).setSelectedAttribute("en", true);
		submit(users, "email");

		var setupLink = TestMailServer.link(MAIL.await(staff.email(), "/account/setup/"), PUBLIC_BASE_URL + "/account/setup/");
		HtmlPage setup = member.getPage(local(setupLink));
		type(setup, "password", staff.password());
		type(setup, "passwordRepeated", staff.password());
		type(setup, "secuPass", staff.secuPass());
		type(setup, "secuPassRepeated", staff.secuPass());
		var done = submit(setup, "secuPassRepeated");
		assertThat(done.asNormalizedText()).contains("Your access is set up");
		return staff;
	}

	private HtmlPage addMember(HtmlPage boxes, String boxName, String email) throws IOException {
		return addMember(boxes, boxName, email, "");
	}

	private HtmlPage addMember(HtmlPage boxes, String boxName, String email, String secuPass) throws IOException {
		var section = (org.htmlunit.html.HtmlElement) boxes.getFirstByXPath("//section[h2='" + boxName + "']");
		HtmlSelect select = section.getFirstByXPath(".//select[@name='user']");
		HtmlOption option = select.getOptionByText(email);
		select.setSelectedAttribute(option, true);
		((org.htmlunit.html.HtmlInput) section.getFirstByXPath(".//input[@name='secuPass']")).setValue(secuPass);
		return submit(boxes, select.getId());
	}

	private HtmlPage submitTo(String slug, String message, Path file) throws IOException {
		HtmlPage request = client.getPage(url("/submit/" + slug));
		var sender = "client-" + UUID.randomUUID() + "@example.org";
		type(request, "email", sender);
		submit(request, "email");
		var link = TestMailServer.link(MAIL.await(sender, "/submit/t/"), PUBLIC_BASE_URL + "/submit/t/");
		HtmlPage form = client.getPage(local(link));
		((org.htmlunit.html.HtmlTextArea) form.getElementById("message")).setText(message);
		((org.htmlunit.html.HtmlFileInput) form.getElementById("files")).setFiles(file.toFile());
		return submit(form, "files");
	}
}
