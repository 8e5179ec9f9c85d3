package org.tresor.account;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class SecuPassStrengthTests {

	@Nested
	class Mixed {

		@ParameterizedTest
		@ValueSource(strings = { "Abcdefgh1234!", "Zz9#Zz9#Zz9#", "Öffnen-2024ab", "pA55 w0rd.xyz" })
		void acceptsTwelveCharactersOfAllFourKinds(String candidate) {
			assertThat(SecuPassStrength.of(candidate)).isEqualTo(SecuPassStrength.MIXED);
		}

		@Test
		void rejectsElevenCharacters() {
			assertThat(SecuPassStrength.of("Abcdefg123!")).isEqualTo(SecuPassStrength.TOO_WEAK);
		}

		@ParameterizedTest
		@ValueSource(strings = { "abcdefgh1234!", "ABCDEFGH1234!", "Abcdefghijkl!", "Abcdefgh12345" })
		void rejectsAMissingKind(String candidate) {
			assertThat(SecuPassStrength.of(candidate).isAcceptable()).isFalse();
		}

		@Test
		void doesNotCountSpacesAsSpecialCharacters() {
			assertThat(SecuPassStrength.of("Abcd efgh 1234").isAcceptable()).isFalse();
		}
	}

	@Nested
	class Sentence {

		@Test
		void acceptsASentenceOfTwentyCharactersAndFourWords() {
			assertThat(SecuPassStrength.of("meine katze mag tee")).isEqualTo(SecuPassStrength.TOO_WEAK);
			assertThat(SecuPassStrength.of("meine katze mag tee!")).isEqualTo(SecuPassStrength.SENTENCE);
			assertThat(SecuPassStrength.of("meine katze trinkt gern")).isEqualTo(SecuPassStrength.SENTENCE);
		}

		@Test
		void rejectsLongTextWithFewerThanFourWords() {
			assertThat(SecuPassStrength.of("supercalifragilistic expialidocious")).isEqualTo(SecuPassStrength.TOO_WEAK);
		}

		@Test
		void doesNotCountSingleLettersAsWords() {
			assertThat(SecuPassStrength.of("a b c d e f g h i j k l")).isEqualTo(SecuPassStrength.TOO_WEAK);
		}
	}

	@ParameterizedTest
	@NullAndEmptySource
	void rejectsNothing(String candidate) {
		assertThat(SecuPassStrength.of(candidate)).isEqualTo(SecuPassStrength.TOO_WEAK);
	}

	@Test
	void rejectsAbsurdLength() {
		assertThat(SecuPassStrength.of("Aa1!".repeat(300))).isEqualTo(SecuPassStrength.TOO_WEAK);
	}
}
