/*
 * Tresor copy buttons: comfort for addresses people pass on. The page works without this script (the
 * address is a link, to open or copy by hand); with it, a button copies the address in one click.
 *
 * Use: a button that starts hidden, and a status element right after it that announces the result.
 *
 *   <button type="button" hidden data-copy="https://…" data-copied="Copied.">Copy address</button>
 *   <span role="status"></span>
 *
 * The script shows every button[data-copy], copies its data-copy value on click (the Clipboard API, or
 * the older copy command where that is missing or refused) and writes data-copied into the status element.
 */
(function () {
	'use strict';

	function copyWithSelection(text) {
		var field = document.createElement('textarea');
		field.value = text;
		field.setAttribute('readonly', '');
		field.className = 'copy-buffer';
		document.body.appendChild(field);
		field.select();
		var copied = false;
		try {
			copied = document.execCommand('copy');
		} catch (e) {
			copied = false;
		}
		document.body.removeChild(field);
		return copied;
	}

	function copy(text) {
		if (navigator.clipboard && navigator.clipboard.writeText) {
			return navigator.clipboard.writeText(text).then(function () {
				return true;
			}, function () {
				return copyWithSelection(text);
			});
		}
		return Promise.resolve(copyWithSelection(text));
	}

	function enhance(button) {
		var status = button.nextElementSibling;
		button.hidden = false;
		button.addEventListener('click', function () {
			copy(button.getAttribute('data-copy')).then(function (copied) {
				if (copied && status) {
					status.textContent = button.getAttribute('data-copied') || '';
				}
			});
		});
	}

	function start() {
		Array.prototype.forEach.call(document.querySelectorAll('button[data-copy]'), enhance);
	}

	if (document.readyState === 'loading') {
		document.addEventListener('DOMContentLoaded', start);
	} else {
		start();
	}
}());
