package org.grassroots.volunteer;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Volunteers, teams, activities, the hours ledger, star levels and micro-wishes. */
@SpringBootApplication
public class VolunteerServiceApplication {

	public static void main(String[] args) {
		SpringApplication.run(VolunteerServiceApplication.class, args);
	}
}
