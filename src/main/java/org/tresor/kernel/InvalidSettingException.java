package org.tresor.kernel;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * A setting has a value Tresor cannot work with. Thrown while settings are bound, so the application stops
 * before it serves anything; {@link SettingsFailureAnalyzer} turns it into a short message naming the setting,
 * its environment variable and what is wrong.
 */
public class InvalidSettingException extends IllegalArgumentException {

	private final String setting;

	private final String environmentVariable;

	private final String problem;

	/**
	 * @param setting the property, e.g. {@code tresor.public-base-url}
	 * @param problem what is wrong, e.g. "must be an absolute http(s) URL, was foo"
	 */
	public InvalidSettingException(String setting, String problem) {
		this(setting, environmentVariableOf(setting), problem);
	}

	/** For a setting documented under another environment variable than its relaxed-binding name. */
	public InvalidSettingException(String setting, String environmentVariable, String problem) {
		super(setting + " " + problem);
		this.setting = setting;
		this.environmentVariable = environmentVariable;
		this.problem = problem;
	}

	public String setting() {
		return setting;
	}

	public String problem() {
		return problem;
	}

	/** The environment variable that sets {@link #setting()}. */
	public String environmentVariable() {
		return environmentVariable;
	}

	/** {@code tresor.submission.max-file-size} is set by {@code TRESOR_SUBMISSION_MAX_FILE_SIZE}. */
	static String environmentVariableOf(String setting) {
		return setting.replace('.', '_').replace('-', '_').toUpperCase(Locale.ROOT);
	}

	/**
	 * Creates {@code directory} if needed and checks that this process may write to it.
	 *
	 * @throws InvalidSettingException naming {@code setting} if it cannot be created or written
	 */
	public static Path requireWritableDirectory(String setting, Path directory) {
		return requireWritableDirectory(setting, environmentVariableOf(setting), directory);
	}

	static Path requireWritableDirectory(String setting, String environmentVariable, Path directory) {
		var absolute = directory.toAbsolutePath().normalize();
		try {
			Files.createDirectories(absolute);
		}
		catch (IOException | SecurityException e) {
			throw new InvalidSettingException(setting, environmentVariable, "must be a directory Tresor can create and write to; "
					+ absolute + " cannot be created (" + e.getClass().getSimpleName() + ")");
		}
		if (!Files.isWritable(absolute)) {
			throw new InvalidSettingException(setting, environmentVariable,
					"must be a directory Tresor can write to; " + absolute + " is not writable for this process");
		}
		return absolute;
	}
}
