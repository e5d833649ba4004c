package org.grassroots.center;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.cloud.openfeign.EnableFeignClients;

/** Centers and stations, star evaluations, upgrade tasks, duty rosters, room bookings, activities, the public map and 15-minute coverage. */
@SpringBootApplication
@EnableFeignClients(basePackages = "org.grassroots.center.clients")
public class CenterServiceApplication {

	public static void main(String[] args) {
		SpringApplication.run(CenterServiceApplication.class, args);
	}
}
