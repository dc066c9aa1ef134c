package dev.aisd.observability.sample.security;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds personal or payment data in a URL, where it must never be: URLs end up in access
 * logs, proxy logs, browser history and {@code Referer} headers. A payment card number
 * (13 to 19 digits that pass the Luhn check) breaks PCI-DSS; an e-mail address is
 * personal data that GDPR's data minimisation keeps out of logs.
 */
final class SensitiveDataDetector {

	private static final Pattern CARD_CANDIDATE = Pattern.compile("(?<![\\d-])\\d(?:[ -]?\\d){12,18}(?![\\d-])");

	private static final Pattern EMAIL = Pattern.compile("[A-Za-z0-9._%+-]{1,64}@[A-Za-z0-9-]{1,63}(?:\\.[A-Za-z0-9-]{1,63})*\\.[A-Za-z]{2,24}");

	/** A card number: a PCI-DSS violation of severity high. */
	static final Finding CARD_NUMBER = new Finding("PCI-DSS", "high", "card_number");

	/** An e-mail address: a GDPR violation of severity medium. */
	static final Finding EMAIL_ADDRESS = new Finding("GDPR", "medium", "email_address");

	/**
	 * Inspect one parameter value.
	 * @param value the decoded value, may be {@code null}
	 * @return what was found (a card number first), or {@code null}
	 */
	Finding detect(String value) {
		if (value == null || value.isEmpty()) {
			return null;
		}
		String inspected = (value.length() > IntrusionDetector.MAX_INSPECTED_LENGTH)
				? value.substring(0, IntrusionDetector.MAX_INSPECTED_LENGTH) : value;
		Matcher card = CARD_CANDIDATE.matcher(inspected);
		while (card.find()) {
			if (passesLuhn(card.group())) {
				return CARD_NUMBER;
			}
		}
		return EMAIL.matcher(inspected).find() ? EMAIL_ADDRESS : null;
	}

	static boolean passesLuhn(String candidate) {
		int sum = 0;
		int digits = 0;
		for (int i = candidate.length() - 1; i >= 0; i--) {
			char c = candidate.charAt(i);
			if (c < '0' || c > '9') {
				continue;
			}
			int digit = c - '0';
			if (digits % 2 == 1) {
				digit *= 2;
				if (digit > 9) {
					digit -= 9;
				}
			}
			sum += digit;
			digits++;
		}
		return digits >= 13 && digits <= 19 && sum % 10 == 0;
	}

	/**
	 * What was found.
	 *
	 * @param standard the {@code policy_type} label of the violation
	 * @param severity the severity label
	 * @param dataType what kind of data it was
	 */
	record Finding(String standard, String severity, String dataType) {
	}

}
