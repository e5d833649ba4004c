package org.grassroots.member.members;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.grassroots.defaults.problem.DomainProblem;

/** The protected fields of a member, by their names in the API ({@code ?reveal=idNumber,phone}). */
public enum PersonalField {

	ID_NUMBER("idNumber"), PHONE("phone");

	private final String apiName;

	PersonalField(String apiName) {
		this.apiName = apiName;
	}

	public String apiName() {
		return apiName;
	}

	/** Parses {@code reveal}; an unknown name is a 400 on that parameter. */
	public static Set<PersonalField> parse(List<String> names) {
		Set<PersonalField> fields = EnumSet.noneOf(PersonalField.class);
		if (names == null) {
			return fields;
		}
		for (String name : names) {
			String trimmed = name.strip();
			if (trimmed.isEmpty()) {
				continue;
			}
			PersonalField match = null;
			for (PersonalField field : values()) {
				if (field.apiName.equals(trimmed)) {
					match = field;
				}
			}
			if (match == null) {
				throw DomainProblem.invalidField("reveal", "reveal-fields");
			}
			fields.add(match);
		}
		return fields;
	}
}
