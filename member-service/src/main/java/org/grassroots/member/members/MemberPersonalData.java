package org.grassroots.member.members;

import java.util.UUID;

import org.grassroots.defaults.privacy.Masking;
import org.grassroots.defaults.privacy.PersonalDataAudit;
import org.grassroots.defaults.privacy.PersonalDataCipher;
import org.grassroots.defaults.security.Caller;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * How member-service protects members' ID numbers and phones: AES-GCM ciphertext bound to the row and field
 * ({@code party_member:<id>:id_number}), a blind index for exact lookup, masked forms for display, and an
 * audit row for every plaintext read, written in the reading transaction.
 */
@Component
public class MemberPersonalData {

	public static final String RESOURCE_TYPE = "party_member";

	static final String ID_NUMBER_INDEX = "party_member.id_number";

	private final PersonalDataCipher cipher;

	private final PersonalDataAudit audit;

	MemberPersonalData(ObjectProvider<PersonalDataCipher> cipher, PersonalDataAudit audit) {
		this.cipher = cipher.getIfAvailable();
		if (this.cipher == null) {
			throw new IllegalStateException("member-service stores personal data and refuses to start without keys: "
					+ "set grassroots.privacy.encryption-keys.<key id>, grassroots.privacy.active-key and "
					+ "grassroots.privacy.blind-index-key (from a secret, see docs/members.md)");
		}
		this.audit = audit;
	}

	/** What is stored for one member's protected fields. */
	public record Sealed(String idNumberCiphertext, String idNumberIndex, String idNumberMasked, String phoneCiphertext,
			String phoneMasked) {
	}

	/**
	 * Encrypts, indexes and masks what is given; a null value stays null (nothing to store or to change).
	 * @param idNumber normalized (see {@link IdNumbers#validate}) or null
	 * @param phone digits (see {@link IdNumbers#validatePhone}) or null
	 */
	public Sealed seal(UUID memberId, String idNumber, String phone) {
		return new Sealed(idNumber == null ? null : cipher.encrypt(idNumber, context(memberId, PersonalField.ID_NUMBER)),
				idNumber == null ? null : index(idNumber), idNumber == null ? null : Masking.idNumber(idNumber),
				phone == null ? null : cipher.encrypt(phone, context(memberId, PersonalField.PHONE)),
				phone == null ? null : Masking.phone(phone));
	}

	/** The blind index of a normalized ID number. */
	public String index(String idNumber) {
		return cipher.blindIndex(ID_NUMBER_INDEX, idNumber);
	}

	/** Decrypts one field for the caller and records the read. Must run inside the reading transaction. */
	String reveal(Caller caller, UUID memberId, PersonalField field, String ciphertext, String purpose) {
		if (ciphertext == null) {
			return null;
		}
		String plain = cipher.decrypt(ciphertext, context(memberId, field));
		audit.recordPlaintextRead(caller, RESOURCE_TYPE, memberId.toString(), field.apiName(), purpose);
		return plain;
	}

	static String context(UUID memberId, PersonalField field) {
		return RESOURCE_TYPE + ":" + memberId + ":" + (field == PersonalField.ID_NUMBER ? "id_number" : "phone");
	}
}
