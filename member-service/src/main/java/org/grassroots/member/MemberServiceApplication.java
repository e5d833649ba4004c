package org.grassroots.member;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.cloud.openfeign.EnableFeignClients;

/** Party organizations, party members, dual registration, central households, work logs and annual evaluations. */
@SpringBootApplication
@EnableFeignClients(basePackages = "org.grassroots.member.clients")
public class MemberServiceApplication {

	public static void main(String[] args) {
		SpringApplication.run(MemberServiceApplication.class, args);
	}
}
