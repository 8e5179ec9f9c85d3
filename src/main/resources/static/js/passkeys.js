/*
 * Tresor passkeys: signing in with a passkey, and adding one on the account page, through Spring Security's
 * WebAuthn endpoints. Pages work without this script: its buttons start hidden, and it shows them only where the
 * browser has WebAuthn.
 *
 * Use:
 *
 *   <button type="button" hidden data-passkey-sign-in data-csrf-header="X-CSRF-TOKEN" data-csrf-token="…"
 *           data-failed="Sign-in with a passkey failed.">Sign in with a passkey</button>
 *   <span role="status"></span>
 *
 *   <form hidden data-passkey-register data-csrf-header="…" data-csrf-token="…" data-added="/account?passkey=added"
 *         data-failed="The passkey could not be added."> <input id="passkey-label" …> <button>Add</button> </form>
 *   <p role="status"></p>
 *
 * Failures are written into the status element right after the button or form, in the page's language.
 */
(function () {
	'use strict';

	function encode(buffer) {
		var bytes = new Uint8Array(buffer);
		var binary = '';
		for (var i = 0; i < bytes.length; i++) {
			binary += String.fromCharCode(bytes[i]);
		}
		return window.btoa(binary).replace(/=/g, '').replace(/\+/g, '-').replace(/\//g, '_');
	}

	function decode(base64url) {
		var binary = window.atob(base64url.replace(/-/g, '+').replace(/_/g, '/'));
		var bytes = new Uint8Array(binary.length);
		for (var i = 0; i < binary.length; i++) {
			bytes[i] = binary.charCodeAt(i);
		}
		return bytes.buffer;
	}

	function post(element, url, body) {
		var headers = { 'Content-Type': 'application/json' };
		headers[element.getAttribute('data-csrf-header')] = element.getAttribute('data-csrf-token');
		return fetch(url, {
			method: 'POST',
			headers: headers,
			credentials: 'same-origin',
			body: body === undefined ? undefined : JSON.stringify(body)
		}).then(function (response) {
			if (!response.ok) {
				throw new Error('HTTP ' + response.status);
			}
			return response.json();
		});
	}

	function say(element, text) {
		var status = element.nextElementSibling;
		if (status) {
			status.textContent = text;
		}
	}

	function signIn(button) {
		say(button, '');
		return post(button, '/webauthn/authenticate/options').then(function (options) {
			options.challenge = decode(options.challenge);
			options.allowCredentials = (options.allowCredentials || []).map(function (credential) {
				credential.id = decode(credential.id);
				return credential;
			});
			return navigator.credentials.get({ publicKey: options });
		}).then(function (credential) {
			var response = credential.response;
			return post(button, '/login/webauthn', {
				id: credential.id,
				rawId: encode(credential.rawId),
				response: {
					authenticatorData: encode(response.authenticatorData),
					clientDataJSON: encode(response.clientDataJSON),
					signature: encode(response.signature),
					userHandle: response.userHandle ? encode(response.userHandle) : undefined
				},
				credType: credential.type,
				clientExtensionResults: credential.getClientExtensionResults(),
				authenticatorAttachment: credential.authenticatorAttachment
			});
		}).then(function (result) {
			if (!result || !result.authenticated || !result.redirectUrl) {
				throw new Error('not signed in');
			}
			window.location.assign(result.redirectUrl);
		}).catch(function () {
			say(button, button.getAttribute('data-failed'));
		});
	}

	function register(form) {
		say(form, '');
		var label = form.querySelector('input').value.trim();
		if (!label) {
			say(form, form.getAttribute('data-label-missing'));
			return Promise.resolve();
		}
		return post(form, '/webauthn/register/options').then(function (options) {
			options.challenge = decode(options.challenge);
			options.user.id = decode(options.user.id);
			options.excludeCredentials = (options.excludeCredentials || []).map(function (credential) {
				credential.id = decode(credential.id);
				return credential;
			});
			return navigator.credentials.create({ publicKey: options });
		}).then(function (credential) {
			var response = credential.response;
			return post(form, '/webauthn/register', {
				publicKey: {
					credential: {
						id: credential.id,
						rawId: encode(credential.rawId),
						response: {
							attestationObject: encode(response.attestationObject),
							clientDataJSON: encode(response.clientDataJSON),
							transports: response.getTransports ? response.getTransports() : []
						},
						type: credential.type,
						clientExtensionResults: credential.getClientExtensionResults(),
						authenticatorAttachment: credential.authenticatorAttachment
					},
					label: label
				}
			});
		}).then(function (result) {
			if (!result || !result.success) {
				throw new Error('not registered');
			}
			window.location.assign(form.getAttribute('data-added'));
		}).catch(function () {
			say(form, form.getAttribute('data-failed'));
		});
	}

	document.addEventListener('DOMContentLoaded', function () {
		if (!window.PublicKeyCredential || !navigator.credentials) {
			return;
		}
		document.querySelectorAll('[data-passkey-sign-in]').forEach(function (button) {
			button.hidden = false;
			button.addEventListener('click', function () {
				signIn(button);
			});
		});
		document.querySelectorAll('form[data-passkey-register]').forEach(function (form) {
			form.hidden = false;
			form.addEventListener('submit', function (event) {
				event.preventDefault();
				register(form);
			});
		});
	});
}());
