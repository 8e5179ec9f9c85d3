/*
 * Tresor upload: comfort for any form that sends files. The form works without this script (a plain
 * multipart POST); with it, people can drop files, see what they chose, and watch the upload.
 *
 * Use: mark the form and render its limits and texts; the layout loads this file on every page.
 *
 *   <form data-upload method="post" enctype="multipart/form-data" action="…"
 *         data-max-files="100" data-max-file-size="2000000000" data-max-total-size="2000000000">
 *     … <input type="file" name="files" id="files" multiple> …
 *     <div th:replace="~{fragments/upload :: texts}"></div>
 *     <button type="submit">…</button>
 *   </form>
 *
 * On the form (limits in bytes; each optional, a missing one is not checked here; the server checks all):
 *   data-upload               turns the script on for this form
 *   data-max-files            most files at once
 *   data-max-file-size        largest single file
 *   data-max-total-size       largest sum of all files
 * Texts, from the element marked data-upload-texts inside the form (fragments/upload :: texts renders them
 * in the page's language); the same attribute on the form itself wins. {placeholders} are filled in here:
 *   data-text-drop            hint in the drop zone, shown only with this script
 *   data-text-list            accessible name of the list of chosen files
 *   data-text-total           line under the list: {count} files, {size} together
 *   data-text-remove          text of each file's remove button (its accessible name adds the file name)
 *   data-text-file-too-large  a file over data-max-file-size: {name}, {size}, {max}
 *   data-text-too-large       the sum would pass data-max-total-size: {name}, {size}, {max}
 *   data-text-too-many        more files than data-max-files: {max}
 *   data-text-progress-label  accessible name of the progress bar
 *   data-text-progress        while sending, once an estimate exists: {percent}, {time} (time left)
 *   data-text-sending         while sending, before an estimate exists: {percent}
 *   data-text-processing      every byte sent, waiting for the server's answer
 *   data-text-failed          the connection dropped: the chosen files stay, the button works again
 *
 * What happens: the file input keeps its name, so the server reads the same fields as without the script.
 * Files chosen one after the other, or dropped on the drop zone (the file input's .field, or the element
 * marked data-upload-drop), are added to the list; over-limit files are refused with a message linked to
 * the input (aria-describedby). Sending uses XMLHttpRequest with a progress bar (percentage and time left);
 * the submit buttons are disabled meanwhile. The server's answer (after any redirect) is shown as the new
 * page, its address put in the location bar; a form in it is enhanced again. A dropped connection shows
 * data-text-failed and leaves the form as it was, ready to send again.
 */
(function () {
	'use strict';

	var SIZE_UNITS = ['B', 'KB', 'MB', 'GB', 'TB'];

	function language() {
		return document.documentElement.lang || 'de';
	}

	/** Decimal units with one fraction digit, like the server's DisplayFormats.size. */
	function formatSize(bytes) {
		var value = bytes;
		var unit = 0;
		while (value >= 1000 && unit < SIZE_UNITS.length - 1) {
			value /= 1000;
			unit++;
		}
		var number = new Intl.NumberFormat(language(), { maximumFractionDigits: unit === 0 ? 0 : 1 });
		return number.format(value) + ' ' + SIZE_UNITS[unit];
	}

	function formatPercent(fraction) {
		return new Intl.NumberFormat(language(), { style: 'percent', maximumFractionDigits: 0 }).format(fraction);
	}

	/** "45 seconds", "3 minutes", "1.5 hours" in the page's language, rounded as a person would say it. */
	function formatDuration(seconds) {
		var unit = 'second';
		var value = Math.max(5, Math.ceil(seconds / 5) * 5);
		if (seconds >= 90 * 60) {
			unit = 'hour';
			value = Math.round(seconds / 360) / 10;
		}
		else if (seconds >= 90) {
			unit = 'minute';
			value = Math.round(seconds / 60);
		}
		return new Intl.NumberFormat(language(), { style: 'unit', unit: unit, unitDisplay: 'long',
			maximumFractionDigits: 1 }).format(value);
	}

	function fill(template, values) {
		return String(template || '').replace(/\{(\w+)\}/g, function (match, key) {
			return Object.prototype.hasOwnProperty.call(values, key) ? values[key] : match;
		});
	}

	function limit(form, name) {
		var value = parseInt(form.getAttribute('data-' + name), 10);
		return isNaN(value) ? Infinity : value;
	}

	function sameFile(a, b) {
		return a.name === b.name && a.size === b.size && a.lastModified === b.lastModified;
	}

	function Upload(form) {
		this.form = form;
		this.input = form.querySelector('input[type=file]');
		this.texts = form.querySelector('[data-upload-texts]');
		this.files = this.input ? Array.prototype.slice.call(this.input.files || []) : [];
		this.maxFiles = limit(form, 'max-files');
		this.maxFileSize = limit(form, 'max-file-size');
		this.maxTotalSize = limit(form, 'max-total-size');
		this.sending = false;
	}

	Upload.prototype.text = function (name, values) {
		var attribute = 'data-text-' + name;
		var template = this.form.getAttribute(attribute);
		if (template === null && this.texts) {
			template = this.texts.getAttribute(attribute);
		}
		return fill(template, values || {});
	};

	Upload.prototype.start = function () {
		var self = this;
		if (this.input && typeof DataTransfer === 'function') {
			this.buildFileList();
			this.input.addEventListener('change', function () {
				self.add(Array.prototype.slice.call(self.input.files));
			});
			this.buildDropZone();
		}
		this.buildProgress();
		this.form.addEventListener('submit', function (event) {
			event.preventDefault();
			self.send();
		});
	};

	/* ---- choosing files ---- */

	Upload.prototype.buildFileList = function () {
		this.list = document.createElement('ul');
		this.list.className = 'upload-files';
		this.list.setAttribute('aria-label', this.text('list'));
		this.total = document.createElement('p');
		this.total.className = 'hint upload-total';
		this.error = document.createElement('p');
		this.error.className = 'error upload-error';
		this.error.id = (this.input.id || this.input.name) + '-upload-error';
		this.error.hidden = true;
		var anchor = this.input.closest('.field') || this.input.parentNode;
		anchor.appendChild(this.error);
		anchor.appendChild(this.list);
		anchor.appendChild(this.total);
		this.render();
	};

	Upload.prototype.buildDropZone = function () {
		var self = this;
		var zone = this.form.querySelector('[data-upload-drop]') || this.input.closest('.field') || this.input.parentNode;
		zone.classList.add('drop-zone');
		var hint = document.createElement('p');
		hint.className = 'hint drop-hint';
		hint.textContent = this.text('drop');
		zone.insertBefore(hint, this.input.nextSibling);
		var depth = 0;
		zone.addEventListener('dragenter', function (event) {
			event.preventDefault();
			depth++;
			zone.classList.add('drop-active');
		});
		zone.addEventListener('dragover', function (event) {
			event.preventDefault();
			event.dataTransfer.dropEffect = 'copy';
		});
		zone.addEventListener('dragleave', function () {
			depth = Math.max(0, depth - 1);
			if (depth === 0) {
				zone.classList.remove('drop-active');
			}
		});
		zone.addEventListener('drop', function (event) {
			event.preventDefault();
			depth = 0;
			zone.classList.remove('drop-active');
			if (!self.sending && event.dataTransfer && event.dataTransfer.files.length) {
				self.add(Array.prototype.slice.call(event.dataTransfer.files));
			}
		});
		keepPageOnStrayDrops();
	};

	/** A file dropped next to the zone would make the browser leave the page and lose the form. */
	function keepPageOnStrayDrops() {
		if (window.tresorStrayDropsKept) {
			return;
		}
		window.tresorStrayDropsKept = true;
		window.addEventListener('dragover', function (event) { event.preventDefault(); });
		window.addEventListener('drop', function (event) { event.preventDefault(); });
	}

	/** Adds what was chosen to what was chosen before, refusing what would break a limit. */
	Upload.prototype.add = function (chosen) {
		var kept = this.files.slice();
		var problem = null;
		for (var i = 0; i < chosen.length; i++) {
			var file = chosen[i];
			if (kept.some(function (other) { return sameFile(other, file); })) {
				continue;
			}
			var sum = kept.reduce(function (total, other) { return total + other.size; }, 0) + file.size;
			if (file.size > this.maxFileSize) {
				problem = problem || this.text('file-too-large', { name: file.name, size: formatSize(file.size),
					max: formatSize(this.maxFileSize) });
			}
			else if (kept.length >= this.maxFiles) {
				problem = problem || this.text('too-many', { max: this.maxFiles });
			}
			else if (sum > this.maxTotalSize) {
				problem = problem || this.text('too-large', { name: file.name, size: formatSize(sum),
					max: formatSize(this.maxTotalSize) });
			}
			else {
				kept.push(file);
			}
		}
		this.files = kept;
		this.showError(problem);
		this.render();
	};

	Upload.prototype.remove = function (index) {
		this.files.splice(index, 1);
		this.showError(null);
		this.render();
		var buttons = this.list.querySelectorAll('button');
		(buttons[Math.min(index, buttons.length - 1)] || this.input).focus();
	};

	/** The input holds exactly the listed files, so the form sends them with or without this script. */
	Upload.prototype.render = function () {
		var self = this;
		var transfer = new DataTransfer();
		this.files.forEach(function (file) { transfer.items.add(file); });
		this.input.files = transfer.files;
		this.list.textContent = '';
		this.files.forEach(function (file, index) {
			var item = document.createElement('li');
			var name = document.createElement('span');
			name.className = 'upload-name';
			name.textContent = file.name;
			var size = document.createElement('span');
			size.className = 'hint upload-size';
			size.textContent = formatSize(file.size);
			var button = document.createElement('button');
			button.type = 'button';
			button.className = 'link upload-remove';
			button.textContent = self.text('remove');
			button.setAttribute('aria-label', self.text('remove') + ': ' + file.name);
			button.addEventListener('click', function () { self.remove(index); });
			item.appendChild(name);
			item.appendChild(document.createTextNode(' '));
			item.appendChild(size);
			item.appendChild(document.createTextNode(' '));
			item.appendChild(button);
			self.list.appendChild(item);
		});
		this.list.hidden = this.files.length === 0;
		var sum = this.files.reduce(function (total, file) { return total + file.size; }, 0);
		this.total.textContent = this.text('total', { count: this.files.length, size: formatSize(sum) });
		this.total.hidden = this.files.length === 0;
	};

	Upload.prototype.showError = function (message) {
		var described = (this.input.getAttribute('aria-describedby') || '').split(/\s+/).filter(function (id) {
			return id && id !== this.error.id;
		}, this);
		this.error.hidden = !message;
		this.error.textContent = message || '';
		if (message) {
			described.push(this.error.id);
			this.input.setAttribute('aria-invalid', 'true');
			this.error.setAttribute('role', 'alert');
		}
		else {
			this.input.removeAttribute('aria-invalid');
			this.error.removeAttribute('role');
		}
		this.input.setAttribute('aria-describedby', described.join(' '));
	};

	/* ---- sending ---- */

	Upload.prototype.buildProgress = function () {
		this.progressBox = document.createElement('div');
		this.progressBox.className = 'upload-progress';
		this.progressBox.hidden = true;
		this.progress = document.createElement('progress');
		this.progress.max = 100;
		this.progress.value = 0;
		this.progress.id = 'upload-progress-' + Math.random().toString(36).slice(2);
		this.progress.setAttribute('aria-label', this.text('progress-label'));
		this.status = document.createElement('p');
		this.status.className = 'upload-status';
		this.status.setAttribute('role', 'status');
		this.progressBox.appendChild(this.progress);
		this.progressBox.appendChild(this.status);
		this.failure = document.createElement('p');
		this.failure.className = 'alert upload-failed';
		this.failure.hidden = true;
		var button = this.form.querySelector('button[type=submit], button:not([type]), input[type=submit]');
		this.form.insertBefore(this.progressBox, button);
		this.form.insertBefore(this.failure, button);
	};

	Upload.prototype.buttons = function () {
		return this.form.querySelectorAll('button[type=submit], button:not([type]), input[type=submit]');
	};

	Upload.prototype.setSending = function (sending) {
		this.sending = sending;
		this.form.setAttribute('aria-busy', String(sending));
		Array.prototype.forEach.call(this.buttons(), function (button) { button.disabled = sending; });
		if (this.list) {
			Array.prototype.forEach.call(this.list.querySelectorAll('button'), function (button) {
				button.disabled = sending;
			});
		}
		if (this.input) {
			this.input.disabled = sending;
		}
	};

	Upload.prototype.send = function () {
		if (this.sending) {
			return;
		}
		var self = this;
		// FormData is read before the input is disabled: disabled fields are not sent
		var data = new FormData(this.form);
		var request = new XMLHttpRequest();
		var started = Date.now();
		var lastStatus = 0;
		request.open((this.form.getAttribute('method') || 'post').toUpperCase(), this.form.action);
		request.responseType = 'document';
		request.upload.addEventListener('progress', function (event) {
			if (!event.lengthComputable || event.total === 0) {
				return;
			}
			var fraction = event.loaded / event.total;
			self.progress.value = Math.floor(fraction * 100);
			var now = Date.now();
			// a status line that changes at most once a second stays readable, also for screen readers
			if (now - lastStatus < 1000 && fraction < 1) {
				return;
			}
			lastStatus = now;
			var elapsed = (now - started) / 1000;
			if (fraction >= 1) {
				self.status.textContent = self.text('processing');
			}
			else if (elapsed >= 1 && event.loaded > 0) {
				var left = (event.total - event.loaded) / (event.loaded / elapsed);
				self.status.textContent = self.text('progress', { percent: formatPercent(fraction),
					time: formatDuration(left) });
			}
			else {
				self.status.textContent = self.text('sending', { percent: formatPercent(fraction) });
			}
		});
		request.upload.addEventListener('load', function () {
			self.progress.value = 100;
			self.status.textContent = self.text('processing');
		});
		request.addEventListener('load', function () {
			window.removeEventListener('beforeunload', warnBeforeLeaving);
			var page = request.response;
			if (page && page.body) {
				show(page, request.responseURL);
			}
			else if (request.responseURL && request.responseURL !== self.form.action) {
				window.location.assign(request.responseURL);
			}
			else {
				self.failed();
			}
		});
		request.addEventListener('error', function () { self.failed(); });
		request.addEventListener('abort', function () { self.failed(); });
		request.addEventListener('timeout', function () { self.failed(); });
		this.failure.hidden = true;
		this.progress.value = 0;
		this.status.textContent = this.text('sending', { percent: formatPercent(0) });
		this.progressBox.hidden = false;
		this.setSending(true);
		window.addEventListener('beforeunload', warnBeforeLeaving);
		request.send(data);
	};

	Upload.prototype.failed = function () {
		window.removeEventListener('beforeunload', warnBeforeLeaving);
		this.setSending(false);
		this.progressBox.hidden = true;
		this.failure.textContent = this.text('failed');
		this.failure.setAttribute('role', 'alert');
		this.failure.hidden = false;
	};

	function warnBeforeLeaving(event) {
		event.preventDefault();
		event.returnValue = '';
	}

	/** The server's answer becomes the page, as after a plain form post; the address follows a redirect. */
	function show(page, url) {
		document.title = page.title;
		if (page.documentElement.lang) {
			document.documentElement.lang = page.documentElement.lang;
		}
		document.body.replaceWith(document.adoptNode(page.body));
		if (url && url !== window.location.href && new URL(url).origin === window.location.origin) {
			window.history.replaceState(null, '', url);
		}
		window.scrollTo(0, 0);
		var focus = document.querySelector('main [role=alert], main h1');
		if (focus) {
			focus.setAttribute('tabindex', '-1');
			focus.focus();
		}
		enhance(document);
	}

	function enhance(root) {
		Array.prototype.forEach.call(root.querySelectorAll('form[data-upload]'), function (form) {
			if (form.hasAttribute('data-upload-ready')) {
				return;
			}
			form.setAttribute('data-upload-ready', '');
			new Upload(form).start();
		});
	}

	if (document.readyState === 'loading') {
		document.addEventListener('DOMContentLoaded', function () { enhance(document); });
	}
	else {
		enhance(document);
	}
}());
