import java.security.MessageDigest;

import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * How fast the JDK's AES-256 in CFB mode (what OpenPGP's SEIPD v1 needs; each block needs the previous
 * ciphertext, so one stream runs on one core) and SHA-1 (the MDC) go, alone, in memory: the ceiling of an
 * upload when Tresor encrypts with the JDK (bench.py measures libgcrypt's the same way). Prints
 * {@code aes_cfb_encrypt_mib_s=... sha1_mib_s=...}. Run by bench/bench.py as a single-file program:
 * {@code java bench/CipherCeiling.java MIB}.
 */
public class CipherCeiling {

	private static final int CHUNK = 1 << 17;

	public static void main(String[] args) throws Exception {
		int mib = args.length > 0 ? Integer.parseInt(args[0]) : 512;
		byte[] input = new byte[CHUNK];
		byte[] output = new byte[CHUNK];
		new java.util.Random(1).nextBytes(input);
		long chunks = (long) mib * (1 << 20) / CHUNK;
		double cfb = 0;
		double sha1 = 0;
		for (int round = 0; round < 3; round++) {
			Cipher cipher = Cipher.getInstance("AES/CFB/NoPadding", "SunJCE");
			cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(new byte[32], "AES"), new IvParameterSpec(new byte[16]));
			long start = System.nanoTime();
			for (long i = 0; i < chunks; i++) {
				cipher.update(input, 0, CHUNK, output, 0);
			}
			cfb = Math.max(cfb, mib / ((System.nanoTime() - start) / 1e9));
			MessageDigest digest = MessageDigest.getInstance("SHA-1");
			start = System.nanoTime();
			for (long i = 0; i < chunks; i++) {
				digest.update(input, 0, CHUNK);
			}
			digest.digest();
			sha1 = Math.max(sha1, mib / ((System.nanoTime() - start) / 1e9));
		}
		System.out.printf(java.util.Locale.ROOT, "aes_cfb_encrypt_mib_s=%.0f sha1_mib_s=%.0f%n", cfb, sha1);
	}
}
