package org.grassroots.grid;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.cloud.openfeign.EnableFeignClients;

/** Grids, households, the closed-loop case workflow with escalation, patrols and Open311 GeoReport v2. */
@SpringBootApplication
@EnableFeignClients(basePackages = "org.grassroots.grid.clients")
public class GridServiceApplication {

	public static void main(String[] args) {
		SpringApplication.run(GridServiceApplication.class, args);
	}
}
